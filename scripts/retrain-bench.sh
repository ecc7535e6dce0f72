#!/usr/bin/env bash
# Single-task retrain against retrain.distributed (dl4j-spark parameter averaging) on a real
# standalone cluster on this machine (scripts/local-cluster.sh, 2 workers x 1 core): the same
# sweep submitted twice, printing each retrain's time and the test metrics of its model.
#   scripts/retrain-bench.sh [CONF] [key=value ...]   (default conf/default.conf)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
conf=${1:-conf/default.conf}
shift || true
scripts/fetch-data.sh >/dev/null
source scripts/java-opts.sh
dae_sweep_build
scripts/local-cluster.sh start 2 1 4g
trap 'scripts/local-cluster.sh stop' EXIT
for distributed in false true; do
  log=target/local-cluster/retrain-$distributed.log
  scripts/spark-submit.sh --master spark://127.0.0.1:7077 --executor-memory 2g \
    --conf spark.executor.memoryOverhead=2g --class org.daesweep.cli.Main target/dae-sweep.jar \
    sweep --conf "$conf" sweep.name=retrain-$distributed output.dir="$root/results" --restart \
    retrain.distributed=$distributed "$@" >"$log" 2>&1 \
    || { echo "retrain-bench: the sweep failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
  echo "retrain-bench: distributed=$distributed: $(grep -o 'retrain of .*' "$log")"
  grep -A3 "^Test metrics" "$log" | grep -E "^ +best " | sed "s/^ */retrain-bench:   test metrics (MSE, PSNR, SSIM) of the /"
done
