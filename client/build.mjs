// Builds the browser client into the server's static files (src/LearnGame.Server/wwwroot), which are build output
// and not committed. Run by the server's MSBuild target, or by hand with `npm run build`.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "LearnGame.Server", "wwwroot");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: false,
  // Legal comments of the bundled libraries go to a file we serve, rather than being dropped.
  legalComments: "linked",
  outfile: join(out, "app.js"),
  logLevel: "warning",
});
cpSync(join(here, "index.html"), join(out, "index.html"));
cpSync(join(here, "src", "app.css"), join(out, "app.css"));
cpSync(join(here, "src", "learngame.svg"), join(out, "learngame.svg"));
