#!/usr/bin/env bash
# Reliability check: starts a sweep, kills its driver with SIGKILL once it has journaled some
# trials (mid-search, whatever the CPU's speed), reruns the same command (which resumes), and
# checks the trials table against the plan:
#   trials: N expected, N present, 0 lost, 0 duplicated
# Exits non-zero when a trial is lost or doubled.
#   scripts/chaos.sh [CONF] [TRIALS_BEFORE_KILL]   (defaults: conf/bench-sweep.conf, 1)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/drill.sh
conf=${1:-conf/bench-sweep.conf}
after=${2:-1}
name=chaos
logs=$(mktemp -d)
scripts/fetch-data.sh >/dev/null
source scripts/java-opts.sh
dae_sweep_build

# run-local.sh execs java, so $! is the driver JVM itself.
# The sweep directory is this drill's own: cleared, so only this run's journal is counted.
rm -rf "results/$name"
scripts/run-local.sh sweep --conf "$conf" sweep.name=$name >"$logs/first.log" 2>&1 &
driver=$!
wait_for_journal "results/$name" "$after" "$driver" \
  || { echo "chaos: nothing to kill; use a longer sweep or fewer trials before the kill (log: $logs/first.log)" >&2; exit 1; }
kill -9 "$driver"
wait "$driver" 2>/dev/null || true
journaled=$(find "results/$name/journal" -name 'trial-*.json' 2>/dev/null | wc -l)
echo "chaos: killed the driver (SIGKILL) with $journaled trials journaled"

scripts/run-local.sh sweep --conf "$conf" sweep.name=$name >"$logs/resume.log" 2>&1 \
  || { echo "chaos: the resumed sweep failed (log: $logs/resume.log)" >&2; exit 1; }
grep -h "resuming" "$logs/resume.log" | sed 's/^.*SweepDriver: /chaos: /' || true
scripts/run-local.sh inspect "results/$name" 2>/dev/null
