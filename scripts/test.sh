#!/usr/bin/env bash
# Runs every LearnGame test on a fresh machine: restores, builds, checks the code style, runs the unit and functional
# tests, and ends with one line "N passed, N failed". Needs the .NET SDK (10) and Node 20 with npm on PATH; installs Chromium
# (Debian package) for the browser tests when it is missing.
set -uo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here). The client's npm
# packages are installed by the server's build (an MSBuild target runs `npm ci` in client/).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests (apt-get install chromium)…"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium; } > "$out/apt.log" 2>&1; then
    tail -20 "$out/apt.log"
    echo "Could not install Chromium: the browser tests will fail."
  fi
fi

dotnet build LearnGame.sln -c Release > "$out/build.log" 2>&1
grep -E "error|Build succeeded|Time Elapsed" "$out/build.log" | sort -u
if ! grep -q "Build succeeded" "$out/build.log"; then
  echo "The build failed; see the errors above."
  echo "0 passed, 1 failed"
  exit 1
fi

# The code style of .editorconfig: what `dotnet format` would rewrite fails the run, named file by file.
style_failed=0
if dotnet format LearnGame.sln --verify-no-changes --no-restore > "$out/format.log" 2>&1; then
  echo "Code style: as .editorconfig says."
else
  grep -E "error" "$out/format.log" | sed 's/^ *//' | sort -u | head -30
  echo "Code style differs from .editorconfig: run 'dotnet format LearnGame.sln' and commit what it changes."
  style_failed=1
fi

# A throwaway PostgreSQL (scripts/postgres.sh) for the PostgreSQL tests, stopped on any exit; an already exported
# LEARNGAME_POSTGRES is used as it is.
if [ -z "${LEARNGAME_POSTGRES:-}" ]; then
  if LEARNGAME_POSTGRES=$(scripts/postgres.sh start); then
    export LEARNGAME_POSTGRES
    trap 'scripts/postgres.sh stop; rm -rf "$out"' EXIT
  else
    echo "Could not start a throwaway PostgreSQL; the PostgreSQL tests will fail."
  fi
fi

# One project at a time (the machine has two cores and the functional tests run real servers), each with its own
# results folder so that every project's TRX file is counted.
status=0
empty=0
for project in $(grep -l "<IsTestProject>true" tests/*/*.csproj); do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" \
    --results-directory "$out/results" 2>&1 | tee "$out/$name.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  # A project still being written may hold no test yet; it is reported, and the whole run must still run tests.
  if grep -q "No test is available" "$out/$name.log"; then empty=$((empty + 1)); echo "$name: no tests yet"; fi
done

# The functional suite once more, every server on the throwaway PostgreSQL instead of SQLite: one suite, two storages.
if [ -n "${LEARNGAME_POSTGRES:-}" ]; then
  LEARNGAME_TEST_STORAGE=postgres dotnet test tests/LearnGame.FunctionalTests/LearnGame.FunctionalTests.csproj -c Release \
    --no-build --logger "console;verbosity=normal" --logger "trx;LogFileName=LearnGame.FunctionalTests-postgres.trx" \
    --results-directory "$out/results" 2>&1 | tee "$out/functional-postgres.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
else
  echo "No PostgreSQL: the functional suite on PostgreSQL did not run."
  status=1
fi

# Count from the TRX result files: one per test project, each with <Counters total=… passed=… failed=…>.
passed=0; failed=0; projects=0
for trx in "$out"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  e=$(echo "$counters" | grep -o ' error="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); projects=$((projects + 1))
done
# The failed tests by name, last, so that the end of the output says which ones.
for trx in "$out"/results/*.trx; do
  [ -f "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | grep -o 'testName="[^"]*"' \
    | sed "s/^testName=\"\(.*\)\"$/FAILED in $(basename "$trx" .trx): \1/; s/&quot;/\"/g; s/&apos;/'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g"
done
expected=$(( $(grep -l "<IsTestProject>true" tests/*/*.csproj | wc -l) + 1 ))  # + the functional suite on PostgreSQL
if [ "$((projects + empty))" -lt "$expected" ]; then
  echo "Only $((projects + empty)) of $expected test projects reported results."
  failed=$((failed + expected - projects - empty))
fi
failed=$((failed + style_failed))
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "No test ran: that is a failure."
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
