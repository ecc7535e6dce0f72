#!/usr/bin/env bash
# The driver under load (issue: hardening): a random and an ASHA sweep of 10,000 trials each on
# local[8], whose tasks return made-up results at once (SweepLoadTest), in a JVM of 1 GB heap.
# Prints, per sweep: trial pieces, the search's time and the driver's milliseconds per piece,
# the peak heap, the journal's size and the time a resume takes to read it; then opens each
# sweep's report in headless Chromium (scripts/report-check.sh): its size and load time.
# Targets: under 20 ms per piece, resume under 10 s, heap under 1 GB. ~10 minutes.
#   scripts/load-test.sh [trials]
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-10000}
rm -f target/load-test.txt
out=$(mvn -B -ntp test -Dtest=SweepLoadTest -Dsurefire.failIfNoSpecifiedTests=false -Ddae.load.trials="$trials" \
  -Dtest.heap=1g) || { echo "$out" | tail -40; exit 1; }
cat target/load-test.txt
for scheduler in full asha; do
  echo "report of the $scheduler sweep:"
  scripts/report-check.sh "target/load-test/$scheduler"
done
