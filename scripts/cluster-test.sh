#!/usr/bin/env bash
# End-to-end test on a real standalone cluster on this machine: starts scripts/local-cluster.sh
# (2 workers x 1 core), submits the app jar with scripts/spark-submit.sh, checks the tables
# with `dae-sweep inspect` (every planned trial present once, trials on both executors), checks
# in the executors' logs that each read the training-data broadcast once, and stops the
# cluster. Exits non-zero on any failure.
#   scripts/cluster-test.sh [CONF] [--kill-executor] [--deploy-mode cluster]   (default conf/default.conf)
# --kill-executor: once the first trial is journaled, kills one executor JVM with SIGKILL
# mid-trial (the other trials are running then, whatever the CPU's speed); the test
# then also requires that Spark retried the lost task and the sweep completed.
# --deploy-mode cluster: the driver runs on a worker too (a third worker holds it), and
# spark-submit waits for it and returns its outcome.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source scripts/drill.sh
conf=conf/default.conf kill_executor= deploy_mode=client
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kill-executor) kill_executor=$1 ;;
    --deploy-mode) deploy_mode=$2; shift ;;
    *) conf=$1 ;;
  esac
  shift
done
name=cluster-test
scripts/fetch-data.sh >/dev/null
source scripts/java-opts.sh
dae_sweep_build

workers=2
[[ "$deploy_mode" == cluster ]] && workers=3
scripts/local-cluster.sh start $workers 1 4g
trap 'scripts/local-cluster.sh stop' EXIT
log=target/local-cluster/submit.log
start=$(date +%s)
rm -rf "results/$name"
if [[ "$kill_executor" == "--kill-executor" ]]; then
  submitter=$$
  (
    wait_for_journal "results/$name" 1 "$submitter" || exit 0
    victim=$(pgrep -f CoarseGrainedExecutorBackend | head -1)
    if [[ -n "$victim" ]]; then
      kill -9 "$victim"
      echo "cluster-test: killed executor JVM $victim (SIGKILL) after the first journaled trial"
    fi
  ) &
fi
# In cluster mode every path must hold on the worker that runs the driver: absolute ones.
scripts/spark-submit.sh --master spark://127.0.0.1:7077 --deploy-mode "$deploy_mode" \
  --driver-memory 2g --conf spark.standalone.submit.waitAppCompletion=true \
  --executor-memory 2g --conf spark.executor.memoryOverhead=2g \
  --class org.daesweep.cli.Main "$root/target/dae-sweep.jar" \
  sweep --conf "$root/$conf" data.images="$root/$(conf_images "$conf")" \
  sweep.name=$name output.dir="$root/results" >"$log" 2>&1 \
  || { echo "cluster-test: the sweep failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
echo "cluster-test: sweep finished in $(( $(date +%s) - start )) s ($deploy_mode deploy mode)"
driver_log=$log
if [[ "$deploy_mode" == cluster ]]; then
  driver_dir=$(ls -td target/local-cluster/worker-*/driver-* | head -1)
  [[ "$(grep -c "State of driver .* is FINISHED" "$log")" -ge 1 ]] \
    || { echo "cluster-test: the driver did not finish, see $log and $driver_dir" >&2; exit 1; }
  echo "cluster-test: the driver ran on $(cut -d/ -f3 <<<"$driver_dir") ($driver_dir)"
  driver_log="$driver_dir/stderr"
  grep -A4 "^Test metrics" "$driver_dir/stdout"
else
  grep -A4 "^Test metrics" "$log"
fi

report=$(scripts/run-local.sh inspect "results/$name" 2>/dev/null) \
  || { echo "cluster-test: trials lost or doubled:" >&2; echo "$report" >&2; exit 1; }
echo "$report"
executors=$(grep -c "^  executor " <<<"$report")
if [[ "$executors" -lt 2 ]]; then
  echo "cluster-test: the trials ran on $executors executor(s), expected both workers' executors" >&2
  exit 1
fi

app=$(ls -td target/local-cluster/worker-*/app-* | head -1 | xargs basename)
broadcast_read_once cluster-test "$driver_log" target/local-cluster/worker-*/"$app"/*/stderr
if [[ "$kill_executor" == "--kill-executor" ]]; then
  lost=$(grep -c "Lost executor\|ExecutorLostFailure" "$driver_log" || true)
  echo "cluster-test: the driver log reports $lost executor-loss event(s)"
  [[ "$lost" -ge 1 ]] || { echo "cluster-test: no executor was lost; the kill came too late?" >&2; exit 1; }
fi
echo "cluster-test: passed"
