#!/usr/bin/env bash
# Measures `denoise` throughput with the default sweep's best model (results/default, made by
# scripts/quickstart.sh; run here if missing) and prints one line per case:
#   IDX in -> IDX out, 10,000 and 60,000 MNIST digits (the 60,000 with a 1 GB heap: streaming),
#   the 60,000 again as a Spark job on local[2], a folder of 10,000 28x28 PNGs, 200 256x256 PNGs.
# Inputs are made from the MNIST test set under target/denoise-bench/ (kept between runs).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/fetch-data.sh >/dev/null
mnist=data/mnist/t10k-images-idx3-ubyte.gz
model=results/default
if [[ ! -f $model/best-model.zip ]]; then
  scripts/run-local.sh sweep --conf conf/default.conf > /dev/null
fi
work=target/denoise-bench
mkdir -p "$work"
[[ -f $work/mnist60k.idx ]] || java scripts/dev/BenchImages.java idx "$mnist" 6 "$work/mnist60k.idx"
[[ -d $work/png28 ]] || java -Djava.awt.headless=true scripts/dev/BenchImages.java png "$mnist" 10000 "$work/png28"
[[ -d $work/png256 ]] || java -Djava.awt.headless=true scripts/dev/BenchImages.java big "$mnist" 200 "$work/png256"
rm -rf "$work/out"
mkdir -p "$work/out"

bench() { # name, heap, denoise arguments...
  local name=$1 heap=$2
  shift 2
  local line
  line=$(DAE_SWEEP_JAVA_OPTS="-Xmx$heap" scripts/run-local.sh denoise --model "$model" "$@" 2>/dev/null \
    | grep -E '^Denoised ' || echo "FAILED")
  printf '%-44s %s\n' "$name (heap $heap)" "$line"
}

echo "denoise-bench at $(git rev-parse --short HEAD) on $(nproc) cores, $(date -u +%Y-%m-%d)"
bench "IDX 10,000 28x28 -> IDX" 1g --input "$mnist" --output "$work/out/10k.idx"
bench "IDX 60,000 28x28 -> IDX" 1g --input "$work/mnist60k.idx" --output "$work/out/60k.idx"
bench "IDX 60,000 28x28 -> IDX, Spark local[2]" 1g --input "$work/mnist60k.idx" --output "$work/out/60k-spark.idx" --master 'local[2]'
bench "PNG folder 10,000 28x28 -> PNGs" 1g --input "$work/png28" --output "$work/out/png28"
bench "PNG folder 200 256x256 -> PNGs" 1g --input "$work/png256" --output "$work/out/png256"
