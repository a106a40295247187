#!/usr/bin/env bash
# A throwaway PostgreSQL for tests, from the machine's PostgreSQL 15 binaries (installed when missing).
#   scripts/postgres.sh start   starts it on 127.0.0.1 on a free port (or reuses a running one) and prints
#                               the Npgsql connection string, also written to $LEARNGAME_PG_DIR/connection-string
#   scripts/postgres.sh stop    stops it and removes its data
#   scripts/postgres.sh pause   stops it but keeps its data (for fault tests: the database goes away)
#   scripts/postgres.sh resume  starts a paused server again, on the same port, with the same data
# When LEARNGAME_POSTGRES is already set, that server is used: start only prints it and stop leaves it running.
# LEARNGAME_PG_DIR (default /tmp/learngame-pg) chooses the directory, so separate runs can have separate servers.
# LEARNGAME_PG_DURABLE=1 at start keeps PostgreSQL's defaults (fsync and synchronous commit on) for benchmarks: every
# commit waits for the disk, as in production; resume keeps what start chose.
set -euo pipefail

root=${LEARNGAME_PG_DIR:-/tmp/learngame-pg}
bin=/usr/lib/postgresql/15/bin
data=$root/data
socket=$root/socket
connection_file=$root/connection-string
database=learngame

# initdb and postgres refuse to run as root, so the cluster belongs to the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A free port below the kernel's ephemeral range (ip_local_port_range), chosen at random. A port the kernel hands out
# itself (bind to port 0) can be handed out again, to any outgoing connection or listener, while a paused server is
# down, and resume then fails with "Address already in use" (seen in CI). The kernel never hands these out on its own.
free_port() {
  python3 - <<'PY'
import random, socket
low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
for _ in range(200):
    port = random.randrange(max(1024, low - 12000), low)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
else:
    raise SystemExit("no free port below the ephemeral range")
PY
}

install_postgres() {
  if [ ! -x "$bin/initdb" ]; then
    echo "Installing PostgreSQL (Debian package)..." >&2
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2 && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
}

start() {
  if [ -n "${LEARNGAME_POSTGRES:-}" ]; then
    echo "$LEARNGAME_POSTGRES"
    return
  fi
  install_postgres
  if [ -f "$connection_file" ] && as_postgres "$bin/pg_ctl" status -D "$data" > /dev/null 2>&1; then
    cat "$connection_file"
    return
  fi
  # A data directory left by a killed run is not reusable: start clean.
  [ -d "$data" ] && as_postgres "$bin/pg_ctl" stop -D "$data" -m immediate > /dev/null 2>&1 || true
  rm -rf "$root"
  mkdir -p "$data" "$socket"
  chown -R postgres:postgres "$root" 2> /dev/null || true
  chmod 755 "$root"

  as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 > "$root/initdb.log" 2>&1 \
    || { cat "$root/initdb.log" >&2; exit 1; }
  local port
  port=$(free_port)
  echo "$port" > "$root/port"
  if [ "${LEARNGAME_PG_DURABLE:-0}" = 1 ]; then touch "$root/durable"; fi
  run_server "$port"
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"

  local connection="Host=127.0.0.1;Port=$port;Database=$database;Username=postgres"
  echo "$connection" > "$connection_file"
  chmod 644 "$connection_file"
  echo "$connection"
}

# fsync off unless durable: this server's data is thrown away, and tests should not wait for the disk. 9>&-: the server
# must not inherit the lock below, or it would hold it for its whole life and every later stop would wait forever.
run_server() {
  local disk="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [ -f "$root/durable" ]; then disk=""; fi
  as_postgres "$bin/pg_ctl" start -D "$data" -l "$root/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $1 -k $socket $disk -c max_connections=200" > /dev/null 9>&- \
    || { cat "$root/server.log" >&2; exit 1; }
}

own_server() {
  if [ -n "${LEARNGAME_POSTGRES:-}" ] || [ ! -f "$root/port" ]; then
    echo "No PostgreSQL of this script runs in $root: pause and resume only act on a server it started." >&2
    exit 1
  fi
}

pause() {
  own_server
  as_postgres "$bin/pg_ctl" stop -D "$data" -m fast > /dev/null
}

resume() {
  own_server
  run_server "$(cat "$root/port")"
}

stop() {
  # A server named by LEARNGAME_POSTGRES that this script did not start is not ours to stop.
  if [ -n "${LEARNGAME_POSTGRES:-}" ] && [ "$LEARNGAME_POSTGRES" != "$(cat "$connection_file" 2> /dev/null)" ]; then
    return
  fi
  if [ -d "$data" ]; then
    as_postgres "$bin/pg_ctl" stop -D "$data" -m fast > /dev/null 2>&1 || true
  fi
  rm -rf "$root"
}

# Two callers sharing one data directory (a test run and a developer's shell) must not initdb over each other.
mkdir -p "$(dirname "$root")"
exec 9> "$root.lock"
flock 9

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  pause) pause ;;
  resume) resume ;;
  *) echo "usage: $0 start|stop|pause|resume" >&2; exit 2 ;;
esac
