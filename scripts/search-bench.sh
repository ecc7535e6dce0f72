#!/usr/bin/env bash
# The search benchmark: samplers and schedulers compared without training. The real search loop
# runs each method on Branin, Hartmann-6 and the recorded digits table (scripts/record-tabular.sh)
# on a simulated cluster whose pieces end out of order, at parallelism 1, 16 and 128, from many
# seeds; prints the median regret against trials and epochs, and the goals. About 5 minutes.
#   scripts/search-bench.sh [seeds, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-20}
rm -f target/search-bench.md
start=$(date +%s)
out=$(mvn -B -ntp test -Dtest='SearchBenchmarkTest#benchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddae.search.seeds="$seeds" -Ddae.search.parallel=1,16,128) || { echo "$out" | tail -40; exit 1; }
echo "search benchmark, $seeds seeds, $(date -u +%F) at $(git rev-parse --short HEAD 2>/dev/null || echo '?'):" \
  "$(( $(date +%s) - start )) s with the build"
cat target/search-bench.md
