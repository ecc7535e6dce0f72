#!/usr/bin/env bash
# Ctrl-C and SIGTERM during a sweep, the way scripts/chaos.sh does kill -9: starts a sweep, sends
# the signal once it has journaled some trials (mid-search, whatever the CPU's speed), checks
# the exit code (130 for SIGINT, 3 for SIGTERM) and the last line (how to resume), resumes, and checks the trials table against the journal with inspect.
#   scripts/interrupt.sh [INT|TERM] [CONF] [TRIALS_BEFORE_SIGNAL]   (defaults: INT, conf/bench-sweep.conf, 1)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/drill.sh
signal=${1:-INT}
conf=${2:-conf/bench-sweep.conf}
after=${3:-1}
name=interrupt
expected=$([[ $signal == INT ]] && echo 130 || echo 3)
logs=$(mktemp -d)
scripts/fetch-data.sh >/dev/null
source scripts/java-opts.sh
dae_sweep_build
# Job control, so the background sweep does not start with SIGINT ignored, as a shell's
# background jobs otherwise do; run-local.sh execs java, so $! is the driver JVM itself.
set -m
# The sweep directory is this drill's own: cleared, so only this run's journal is counted.
rm -rf "results/$name"
scripts/run-local.sh sweep --conf "$conf" sweep.name=$name >"$logs/first.log" 2>&1 &
driver=$!
set +m
wait_for_journal "results/$name" "$after" "$driver" \
  || { echo "interrupt: nothing to interrupt (log: $logs/first.log)" >&2; exit 1; }
kill -"$signal" "$driver"
code=0
wait "$driver" || code=$?
last=$(tail -n 1 "$logs/first.log")
echo "interrupt: SIG$signal after $after journaled trial(s): exit code $code; last line: $last"
[[ $code == "$expected" ]] || { echo "interrupt: expected exit code $expected (log: $logs/first.log)" >&2; exit 1; }
[[ $last == *"run the same command again to resume"* ]] || { echo "interrupt: no resume line" >&2; exit 1; }
[[ ! -e results/$name/_lock ]] || { echo "interrupt: the lock was left behind" >&2; exit 1; }
scripts/run-local.sh sweep --conf "$conf" sweep.name=$name >"$logs/resume.log" 2>&1 \
  || { echo "interrupt: the resumed sweep failed (log: $logs/resume.log)" >&2; exit 1; }
grep -h "resuming" "$logs/resume.log" | sed 's/^.*SweepDriver: /interrupt: /' || true
scripts/run-local.sh inspect "results/$name" 2>/dev/null
