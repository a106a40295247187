#!/usr/bin/env bash
# Measures what this machine holds, as docs/benchmarks.md does: builds the server and the load tool (Release), starts a
# fresh server on 127.0.0.1 (its own data folder and ports), runs one scenario of the load tool against it, then stops
# everything and removes all but the results.
#   scripts/benchmark.sh SCENARIO [load tool options…]
# Scenarios (the issue's, with the trainer's pace of docs/benchmarks.md):
#   s1           1 classroom × 30 learners, 10 questions
#   s2           1 session × 2,000 learners, 5 questions, the reveal and the leaderboard each shown 3 s
#   s3           400 classrooms × 25 learners = 10,000, 3 questions, each leaderboard shown 3 s, embedded SQLite
#   s3-postgres  the same on PostgreSQL: LEARNGAME_BENCH_POSTGRES (an Npgsql connection string, e.g. a database on
#                another machine) when set, otherwise a throwaway PostgreSQL 15 here with fsync on
#   baseline     the raw limit: a bare Kestrel WebSocket broadcaster to 2,000 raw sockets, no LearnGame
# s2, s3 and s3-postgres first play a warm-up game of 50 learners, not measured (`--warm-up 0` after the scenario: none),
# so that the tool's own first-time compiling does not fall on the measured first question.
# Options after the scenario go to the load tool after the scenario's own, so they override them (`--questions 1`);
# every option: dotnet run --project src/LearnGame.LoadTest -- --help.
# Environment: LEARNGAME_BENCH_OUT (the results folder; default /tmp/learngame-bench-SCENARIO-<date and time>),
# LEARNGAME_CONFIGURATION (Release or Debug, default Release), LEARNGAME_BENCH_BUILD=0 (use the build as it is).
# Exit code: the load tool's (0 PASS, 1 FAIL, 2 bad options); 2 for an unknown scenario, 1 when the server cannot start.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
configuration=${LEARNGAME_CONFIGURATION:-Release}
server_dir=$repo/src/LearnGame.Server/bin/$configuration/net10.0
tool=$repo/src/LearnGame.LoadTest/bin/$configuration/net10.0/LearnGame.LoadTest.dll
patience=60   # seconds for the server to become healthy
grace=30      # seconds for it to stop after SIGTERM

help_text() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

scenario=${1:-}
[ $# -gt 0 ] && shift
case "$scenario" in
  s1) options=(--classrooms 1 --learners 30 --questions 10) ;;
  s2) options=(--classrooms 1 --learners 2000 --questions 5 --think-ms 3000 --ramp-up 20 --leaderboard-ms 3000 --reveal-ms 3000 --timeout 300 --warm-up 50) ;;
  s3 | s3-postgres) options=(--classrooms 400 --learners 25 --questions 3 --think-ms 3000 --ramp-up 60 --leaderboard-ms 3000 --timeout 600 --warm-up 50) ;;
  baseline) options=(--baseline --classrooms 1 --learners 2000) ;;
  -h | --help) help_text; exit 0 ;;
  "") { echo "which scenario? s1, s2, s3, s3-postgres or baseline"; help_text; } >&2; exit 2 ;;
  *) { echo "unknown scenario '$scenario'"; help_text; } >&2; exit 2 ;;
esac

out=${LEARNGAME_BENCH_OUT:-/tmp/learngame-bench-$scenario-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
work=$(mktemp -d)
chmod 755 "$work"   # PostgreSQL's own server runs as the postgres user, in a folder under this one
server_pid=""
own_postgres=""

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

alive() { kill -0 "$1" 2> /dev/null; }

# The server first, then its database, then the work folder: only the results stay.
cleanup() {
  if [ -n "$server_pid" ] && alive "$server_pid"; then
    kill -TERM "$server_pid" 2> /dev/null || true
    local deadline=$((SECONDS + grace))
    while alive "$server_pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if alive "$server_pid"; then echo "the server did not stop within ${grace} s: killed" >&2; kill -KILL "$server_pid" 2> /dev/null || true; fi
  fi
  if [ -n "$own_postgres" ]; then
    env -u LEARNGAME_POSTGRES LEARNGAME_PG_DIR="$work/pg" "$repo/scripts/postgres.sh" stop || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${LEARNGAME_BENCH_BUILD:-1}" != 0 ]; then
  echo "building the server and the load tool ($configuration)…"
  for project in LearnGame.Server LearnGame.LoadTest; do
    dotnet build "$repo/src/$project" -c "$configuration" -nodeReuse:false > "$work/build.log" 2>&1 \
      || { tail -20 "$work/build.log" >&2; exit 1; }
  done
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$scenario" = baseline ]; then
  echo "scenario: baseline; results: $out"
  set +e
  dotnet "$tool" "${options[@]}" --out "$out" "$@"
  status=$?
  set -e
  exit "$status"
fi

storage=(--Storage:DataDirectory "$work/data")
described="embedded SQLite in $work/data"
if [ "$scenario" = s3-postgres ]; then
  connection=${LEARNGAME_BENCH_POSTGRES:-}
  if [ -z "$connection" ]; then
    # A server of our own even when the tests' LEARNGAME_POSTGRES is set: that one runs with fsync off.
    own_postgres=1
    connection=$(env -u LEARNGAME_POSTGRES LEARNGAME_PG_DIR="$work/pg" LEARNGAME_PG_DURABLE=1 "$repo/scripts/postgres.sh" start | tail -1)
    # As the database itself reports it, so that what is printed is what was measured.
    fsync=$(/usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$(cat "$work/pg/port")" -U postgres -d learngame -Atc "SHOW fsync")
    described="PostgreSQL (throwaway, fsync $fsync) at ${connection%%;Database=*}"
  else
    described="PostgreSQL from LEARNGAME_BENCH_POSTGRES"
  fi
  # A cluster and service of this run's own: earlier runs' rows in the same database are left alone.
  run_id=bench-$(date +%s)-$$
  storage=(--Storage:Provider postgres --Storage:ConnectionString "$connection" --Orleans:ClusterId "$run_id" --Orleans:ServiceId "$run_id")
fi

http=$(free_port); silo=$(free_port); gateway=$(free_port)
url=http://127.0.0.1:$http
# The content root is the server's project folder, as with dotnet run.
(cd "$repo/src/LearnGame.Server" && exec dotnet "$server_dir/LearnGame.Server.dll" --urls "$url" "${storage[@]}" \
  --Orleans:SiloPort "$silo" --Orleans:GatewayPort "$gateway") > "$work/server.log" 2>&1 &
server_pid=$!
deadline=$((SECONDS + patience))
until curl -fsS -o /dev/null "$url/health" 2> /dev/null; do
  if ! alive "$server_pid"; then echo "the server exited during start-up; its log:" >&2; tail -20 "$work/server.log" >&2; exit 1; fi
  if [ "$SECONDS" -ge "$deadline" ]; then echo "the server was not healthy within ${patience} s; its log:" >&2; tail -20 "$work/server.log" >&2; exit 1; fi
  sleep 0.2
done
echo "server: $url, pid $server_pid, $described"
echo "scenario: $scenario; results: $out"

set +e
dotnet "$tool" --url "$url" --server-pid "$server_pid" "${options[@]}" --out "$out" "$@"
status=$?
set -e
curl -fsS "$url/metrics" -o "$out/metrics.txt" 2> /dev/null || echo "could not read the server's /metrics" >&2
cp "$work/server.log" "$out/server.log"
exit "$status"
