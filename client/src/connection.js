import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { t } from "./i18n.js";

let state = "offline";
let storageRetrying = false;
const stateListeners = [];

export function connectionState() { return state; }

function setState(next) {
  state = next;
  const el = document.getElementById("connection");
  // A shape as well as the words, so the state never depends on colour.
  const marks = { online: "●", connecting: "◌", reconnecting: "◌", offline: "✕", saving: "◌" };
  // Connected, but the server cannot store the game right now (its database is down) and keeps retrying.
  const shown = next === "online" && storageRetrying ? "saving" : next;
  el.dataset.state = shown;
  el.textContent = `${marks[shown]} ${t(`connection.${shown}`)}`;
  for (const listener of stateListeners) listener(next);
}

export function refreshConnectionLabel() { setState(state); }

/** The server's storage state, from the `storage` event or a snapshot's `storageRetrying`. */
export function setStorageRetrying(retrying) { storageRetrying = !!retrying; setState(state); }

/**
 * One hub connection that comes back by itself: SignalR retries with growing delays, forever; after each
 * reconnection `resume` claims the seat again (Rejoin or Host), because a new connection has no role.
 */
export function createConnection({ handlers, resume }) {
  const connection = new HubConnectionBuilder()
    .withUrl("/hubs/game")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
    .configureLogging(LogLevel.None)
    .build();
  for (const [event, handler] of Object.entries(handlers)) connection.on(event, handler);
  connection.on("storage", (p) => setStorageRetrying(p.state === "retrying"));
  connection.onreconnecting(() => setState("reconnecting"));
  connection.onreconnected(async () => { setState("online"); await resume(); });
  // Automatic reconnection gives up only when the first attempts all fail; then we keep trying ourselves.
  connection.onclose(() => { setState("offline"); setTimeout(() => start().then(ok => ok && resume()), 3000); });

  async function start() {
    if (connection.state !== HubConnectionState.Disconnected) return true;
    setState("connecting");
    try {
      await connection.start();
      setState("online");
      return true;
    } catch {
      setState("offline");
      return false;
    }
  }

  /** Calls a hub method; a call that cannot reach the server answers like the server would, with `unavailable`. */
  async function call(method, ...args) {
    if (!(await start())) return { ok: false, error: "unavailable" };
    try {
      return await connection.invoke(method, ...args);
    } catch {
      return { ok: false, error: "unavailable" };
    }
  }

  return { start, call };
}

setState("offline");
