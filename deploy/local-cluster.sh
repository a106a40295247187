#!/usr/bin/env bash
# A local LearnGame cluster: N silos (default 3) on 127.0.0.1, sharing one PostgreSQL.
#   deploy/local-cluster.sh [N]    builds the server if needed, starts N silos, prints each one's URL and ports, waits
#                                  until every /health answers, then runs until Ctrl-C (or `stop`) and stops them all
#   deploy/local-cluster.sh stop   from another shell: stops the running cluster the same way
# PostgreSQL: LEARNGAME_POSTGRES (an Npgsql connection string, the one the tests use) when set; otherwise a throwaway
# server from scripts/postgres.sh, stopped with the cluster.
# Environment: LEARNGAME_CLUSTER_DIR (default /tmp/learngame-cluster: pids and logs), LEARNGAME_CLUSTER_ID
# (default local), LEARNGAME_SERVICE_ID (default learngame-local), LEARNGAME_CONFIGURATION (Release or Debug, default
# Release). Any other setting reaches every silo through the environment, e.g. Operations__OperatorKey=… for /dashboard.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${LEARNGAME_CLUSTER_DIR:-/tmp/learngame-cluster}
configuration=${LEARNGAME_CONFIGURATION:-Release}
server_dir=$repo/src/LearnGame.Server/bin/$configuration/net10.0
patience=60   # seconds for a silo to become healthy
grace=30      # seconds for a silo to stop after SIGTERM (the host's shutdown timeout)

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

alive() { kill -0 "$1" 2> /dev/null; }

# SIGTERM to every silo at once (a graceful stop each), then waits; what is still running after the grace is killed.
stop_silos() {
  local pids=()
  for file in "$dir"/silo-*.pid; do
    [ -f "$file" ] && pids+=("$(cat "$file")")
  done
  for pid in "${pids[@]}"; do alive "$pid" && kill -TERM "$pid" 2> /dev/null || true; done
  local deadline=$((SECONDS + grace))
  for pid in "${pids[@]}"; do
    while alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if alive "$pid"; then echo "silo pid $pid did not stop within ${grace} s: killed" >&2; kill -KILL "$pid" 2> /dev/null || true; fi
  done
  rm -f "$dir"/silo-*.pid
}

stop_postgres() {
  if [ -f "$dir/own-postgres" ]; then
    LEARNGAME_PG_DIR=$dir/pg "$repo/scripts/postgres.sh" stop
    rm -f "$dir/own-postgres"
  fi
}

shutdown() {
  trap - INT TERM EXIT
  echo "stopping the cluster…"
  stop_silos
  stop_postgres
  rm -f "$dir/cluster.pid"
  echo "stopped"
  exit 0
}

stop_command() {
  if [ -f "$dir/cluster.pid" ] && alive "$(cat "$dir/cluster.pid")"; then
    local pid
    pid=$(cat "$dir/cluster.pid")
    kill -TERM "$pid"
    while alive "$pid"; do sleep 0.2; done
  else
    # The script that started the cluster is gone (killed): stop what it left.
    stop_silos
    stop_postgres
    rm -f "$dir/cluster.pid"
  fi
  echo "stopped"
}

wait_healthy() {
  local url=$1 pid=$2 log=$3 deadline=$((SECONDS + patience))
  until curl -fsS -o /dev/null "$url/health" 2> /dev/null; do
    if ! alive "$pid"; then echo "a silo exited during start-up; its log ($log):" >&2; tail -20 "$log" >&2; return 1; fi
    if [ "$SECONDS" -ge "$deadline" ]; then echo "a silo was not healthy within ${patience} s; its log: $log" >&2; return 1; fi
    sleep 0.2
  done
}

start() {
  local count=${1:-3}
  if ! [[ "$count" =~ ^[1-9][0-9]*$ ]]; then echo "usage: $0 [N] | stop   (N: the number of silos, default 3)" >&2; exit 2; fi
  mkdir -p "$dir"
  if [ -f "$dir/cluster.pid" ] && alive "$(cat "$dir/cluster.pid")"; then
    echo "a cluster already runs from $dir (pid $(cat "$dir/cluster.pid")): $0 stop, or set LEARNGAME_CLUSTER_DIR" >&2
    exit 1
  fi
  echo $$ > "$dir/cluster.pid"
  trap shutdown INT TERM
  trap 'stop_silos; stop_postgres; rm -f "$dir/cluster.pid"' EXIT

  if [ ! -f "$server_dir/LearnGame.Server.dll" ]; then
    echo "building the server ($configuration)…"
    dotnet build "$repo/src/LearnGame.Server" -c "$configuration" > "$dir/build.log" 2>&1 || { tail -20 "$dir/build.log" >&2; exit 1; }
  fi

  local connection=${LEARNGAME_POSTGRES:-}
  if [ -z "$connection" ]; then
    connection=$(LEARNGAME_PG_DIR=$dir/pg "$repo/scripts/postgres.sh" start | tail -1)
    touch "$dir/own-postgres"
    echo "PostgreSQL (throwaway, stopped with the cluster): $connection"
  fi

  local cluster_id=${LEARNGAME_CLUSTER_ID:-local} service_id=${LEARNGAME_SERVICE_ID:-learngame-local}
  local urls=() pids=() logs=()
  for i in $(seq 1 "$count"); do
    local http silo gateway log
    http=$(free_port); silo=$(free_port); gateway=$(free_port)
    log=$dir/silo-$i.log
    # The content root is the server's project folder, where the built browser client (wwwroot) is, as with dotnet run.
    (cd "$repo/src/LearnGame.Server" && exec dotnet "$server_dir/LearnGame.Server.dll" --urls "http://127.0.0.1:$http" \
      --Storage:Provider postgres --Storage:ConnectionString "$connection" \
      --Orleans:ClusterId "$cluster_id" --Orleans:ServiceId "$service_id" --Orleans:AdvertisedAddress 127.0.0.1 \
      --Orleans:SiloPort "$silo" --Orleans:GatewayPort "$gateway") > "$log" 2>&1 &
    echo $! > "$dir/silo-$i.pid"
    urls+=("http://127.0.0.1:$http"); pids+=($!); logs+=("$log")
    echo "silo $i: http://127.0.0.1:$http  silo port $silo  gateway port $gateway  pid $!  log $log"
  done
  for i in $(seq 0 $((count - 1))); do
    wait_healthy "${urls[$i]}" "${pids[$i]}" "${logs[$i]}" || shutdown_failed
  done
  echo "ready: $count silos healthy (cluster $cluster_id); Ctrl-C or '$0 stop' stops them"
  # Waits for the silos; a trapped signal interrupts the wait and runs shutdown.
  while true; do
    local running=()
    for pid in "${pids[@]}"; do if alive "$pid"; then running+=("$pid"); fi; done
    [ "${#running[@]}" -gt 0 ] || { echo "every silo has exited" >&2; exit 1; }
    wait -n "${running[@]}" 2> /dev/null || true
  done
}

shutdown_failed() {
  trap - INT TERM EXIT
  stop_silos
  stop_postgres
  rm -f "$dir/cluster.pid"
  exit 1
}

case "${1:-}" in
  stop) stop_command ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) start "${1:-3}" ;;
esac
