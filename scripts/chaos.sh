#!/usr/bin/env bash
# Reliability check: starts a sweep, kills its driver with SIGKILL partway, reruns the same
# command (which resumes), and checks the trials table against the plan:
#   trials: N expected, N present, 0 lost, 0 duplicated
# Exits non-zero when a trial is lost or doubled.
#   scripts/chaos.sh [CONF] [SECONDS_BEFORE_KILL]   (defaults: conf/bench-sweep.conf, 8: mid-search here)
set -euo pipefail
cd "$(dirname "$0")/.."
conf=${1:-conf/bench-sweep.conf}
delay=${2:-8}
name=chaos
logs=$(mktemp -d)
scripts/fetch-data.sh >/dev/null
mvn -q -B -ntp -DskipTests package

# run-local.sh execs java, so $! is the driver JVM itself.
scripts/run-local.sh sweep --conf "$conf" sweep.name=$name --restart >"$logs/first.log" 2>&1 &
driver=$!
sleep "$delay"
if ! kill -0 "$driver" 2>/dev/null; then
  echo "chaos: the sweep ended before the kill; use a longer sweep or a shorter delay (log: $logs/first.log)" >&2
  exit 1
fi
kill -9 "$driver"
wait "$driver" 2>/dev/null || true
journaled=$(find "results/$name/journal" -name 'trial-*.json' 2>/dev/null | wc -l)
echo "chaos: killed the driver (SIGKILL) after ${delay}s with $journaled trials journaled"

scripts/run-local.sh sweep --conf "$conf" sweep.name=$name >"$logs/resume.log" 2>&1 \
  || { echo "chaos: the resumed sweep failed (log: $logs/resume.log)" >&2; exit 1; }
grep -h "resuming" "$logs/resume.log" | sed 's/^.*SweepDriver: /chaos: /' || true
scripts/run-local.sh inspect "results/$name" 2>/dev/null
