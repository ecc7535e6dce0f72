#!/usr/bin/env bash
# Checks the memory estimate a sweep uses to refuse a trial that cannot fit (model/MemoryEstimate)
# against measured peaks: for each shape and batch size, one training in a JVM of its own, its
# resident set's growth from before training to its peak (VmHWM), beside the estimate. The
# estimate should be within 30% of the measure, and above it rather than below.
# A benchmark, not a test: run it on an idle machine (~6 minutes).
#   scripts/memory-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-data.sh >/dev/null
source scripts/java-opts.sh
dae_sweep_build

printf '%-9s %7s %6s %12s %12s %7s\n' shape filters batch measured_mb estimate_mb ratio
worst=0
while read -r shape filters batch; do
  line=$(scripts/run-local.sh bench --shape "$shape" --set filters="$filters" --batch-size "$batch" --count 1600 \
    --epochs 3 --threads "$(nproc)" 2>/dev/null | grep '^RESULT')
  measured=$(sed -n 's/.* growth_mb=\([0-9]*\).*/\1/p' <<<"$line")
  estimate=$(sed -n 's/.* estimate_mb=\([0-9]*\).*/\1/p' <<<"$line")
  ratio=$(awk -v e="$estimate" -v m="$measured" 'BEGIN { printf "%.2f", e / m }')
  worst=$(awk -v r="$ratio" -v w="$worst" 'BEGIN { d = r > 1 ? r - 1 : 1 - r; print (d > w ? d : w) }')
  printf '%-9s %7s %6s %12s %12s %7s\n' "$shape" "$filters" "$batch" "$measured" "$estimate" "$ratio"
done <<'SHAPES'
baseline 32 64
baseline 32 512
baseline 32 1600
baseline 96 256
tuned 64 128
tuned 64 1600
unet 32 64
unet 32 512
unet 16 1600
SHAPES
awk -v w="$worst" 'BEGIN { printf "worst: estimate off the measure by %.0f%% (target: within 30%%)\n", 100 * w }'
