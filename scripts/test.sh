#!/usr/bin/env bash
# Runs every LearnGame test on a fresh machine: restores, builds, runs the unit and functional tests,
# and ends with one line "N passed, N failed". Needs only the .NET SDK (10) on PATH.
set -uo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build LearnGame.sln -c Release > "$out/build.log" 2>&1
grep -E "error|Build succeeded|Time Elapsed" "$out/build.log" | sort -u
if ! grep -q "Build succeeded" "$out/build.log"; then
  echo "The build failed; see the errors above."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test LearnGame.sln -c Release --no-build --logger "console;verbosity=normal" --logger "trx" \
  --results-directory "$out/results" 2>&1 | tee "$out/test.log"
status=${PIPESTATUS[0]}

# Each test project prints "Passed!  - Failed: 0, Passed: N, Skipped: 0, Total: N" (or "Failed!  - …").
summary=$(grep -E '^(Passed|Failed)! ' "$out/test.log")
passed=$(echo "$summary" | grep -Eo 'Passed: +[0-9]+' | awk '{s+=$2} END {print s+0}')
failed=$(echo "$summary" | grep -Eo 'Failed: +[0-9]+' | awk '{s+=$2} END {print s+0}')
projects=$(grep -Ec '^(Passed|Failed)! ' "$out/test.log")
passed=${passed:-0}; failed=${failed:-0}
expected=$(ls tests/*/*.csproj | wc -l)
if [ "$projects" -lt "$expected" ]; then
  echo "Only $projects of $expected test projects reported results."
  failed=$((failed + expected - projects))
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "No test ran: that is a failure."
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
