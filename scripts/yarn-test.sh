#!/usr/bin/env bash
# End-to-end test on real HDFS and YARN servers on this machine (scripts/mini-hadoop.sh): puts
# the sweep's configuration and images on HDFS, submits the app jar with `--master yarn
# --deploy-mode cluster` (the driver runs in a YARN container; output on HDFS), kills one
# executor with SIGKILL once the first trial is journaled, then checks that the application
# succeeded, that every planned trial is present once (`dae-sweep inspect` over hdfs://), that
# YARN replaced the lost executor, and that each executor read the training data once.
# Exits non-zero on any failure.
#   scripts/yarn-test.sh [CONF] [--no-kill | --kill-driver]   (default conf/default.conf)
# --kill-driver: kills the driver (the application master's JVM) instead, after the first
# journaled trial; YARN's second attempt must resume from the journal on HDFS and finish.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
conf=${1:-conf/default.conf}
kill_executor=yes kill_driver=
[[ "${2:-}" == "--no-kill" ]] && kill_executor=""
[[ "${2:-}" == "--kill-driver" ]] && kill_executor="" kill_driver=yes
name=yarn-test
scripts/fetch-data.sh >/dev/null
source scripts/java-opts.sh
source scripts/drill.sh
dae_sweep_build

submitter=
scripts/mini-hadoop.sh start | grep '^mini-hadoop:'
trap 'if [[ -n "$submitter" ]]; then kill "$submitter" 2>/dev/null || true; fi; scripts/mini-hadoop.sh stop >/dev/null' EXIT
export HADOOP_CONF_DIR="$root/target/mini-hadoop/conf"
hdfs=$(cut -d' ' -f1 target/mini-hadoop/ready)
logs=$(find target/mini-hadoop -type d -name 'mini-yarn-logDir-nm-*' | head -1)
out=target/yarn-test && rm -rf "$out" && mkdir -p "$out"

hdfs_dfs() { scripts/mini-hadoop.sh dfs "$@"; }

images=$(conf_images "$conf")
hdfs_dfs -mkdir -p /user/dae/conf /user/dae/data
hdfs_dfs -put -f "$conf" /user/dae/conf/
hdfs_dfs -put -f "$images" /user/dae/data/
echo "yarn-test: $conf and $images are on $hdfs/user/dae"

start=$(date +%s)
# Spark's jars are on this machine already: `local:` spares shipping 400 MB to HDFS per run, as
# on a cluster whose nodes have Spark installed. Memory: a 12 GB node holds the driver's
# container (2 GB heap + 1 GB) and two executors (2 GB heap + 2 GB for ND4J each).
scripts/spark-submit.sh --master yarn --deploy-mode cluster --name dae-sweep-yarn-test \
  --conf "spark.yarn.jars=local:$(spark_home)/jars/*" \
  --driver-memory 2g --conf spark.driver.memoryOverhead=1g \
  --num-executors 2 --executor-cores 1 --executor-memory 2g --conf spark.executor.memoryOverhead=2g \
  --conf spark.yarn.appMasterEnv.GLIBC_TUNABLES=glibc.malloc.hugetlb=1 \
  --conf spark.yarn.maxAppAttempts=$([[ -n "$kill_driver" ]] && echo 2 || echo 1) \
  --class org.daesweep.cli.Main target/dae-sweep.jar \
  sweep --conf "$hdfs/user/dae/conf/$(basename "$conf")" \
  data.images="$hdfs/user/dae/data/$(basename "$images")" \
  sweep.name=$name output.dir="$hdfs/user/dae/results" >"$out/submit.log" 2>&1 &
submitter=$!

if [[ -n "$kill_executor$kill_driver" ]]; then
  journaled=0
  while kill -0 "$submitter" 2>/dev/null; do
    journaled=$(hdfs_dfs -count "/user/dae/results/$name/journal" 2>/dev/null | awk '$2 ~ /^[0-9]+$/ {print $2}' || true)
    [[ "${journaled:-0}" -ge 1 ]] && break
    sleep 5
  done
  role=executor pattern=YarnCoarseGrainedExecutorBackend
  [[ -n "$kill_driver" ]] && role=driver pattern=org.apache.spark.deploy.yarn.ApplicationMaster
  victim=$(pgrep -f "$pattern" | head -1 || true)
  if [[ "${journaled:-0}" -ge 1 && -n "$victim" ]]; then
    kill -9 "$victim"
    echo "yarn-test: killed the $role JVM $victim (SIGKILL) after the first journaled trial"
  fi
fi
status=0
wait "$submitter" || status=$?
elapsed=$(( $(date +%s) - start ))
app=$(grep -o 'application_[0-9]*_[0-9]*' "$out/submit.log" | head -1)
attempt=01
[[ -n "$kill_driver" ]] && attempt=02
driver_log=$(ls "$logs/$app"/container_*_${attempt}_000001/stderr 2>/dev/null || true)
cp -r "$logs/$app" "$out/" 2>/dev/null || true
if [[ $status -ne 0 ]]; then
  echo "yarn-test: the application failed (spark-submit exit $status), see $out/submit.log and $out/$app" >&2
  grep -h "dae-sweep: error" "$out/$app"/*/stderr >&2 || tail -5 "$out/submit.log" >&2
  exit 1
fi
echo "yarn-test: $app finished in $elapsed s ($(grep -o "final status: [A-Z]*" "$out/submit.log" | tail -1))"
grep -h -A4 "^Sweep finished\|^Test metrics" "$out/$app"/container_*_${attempt}_000001/stdout

report=$(scripts/run-local.sh inspect "$hdfs/user/dae/results/$name" 2>/dev/null) \
  || { echo "yarn-test: trials lost or doubled:" >&2; echo "$report" >&2; exit 1; }
echo "$report"

# Container 000001 of each attempt is the application master, which holds the driver.
executor_logs=()
for stderr in "$out/$app"/container_*/stderr; do
  [[ "$stderr" == *_000001/stderr ]] || executor_logs+=("$stderr")
done
executors=${#executor_logs[@]}
broadcast_read_once yarn-test "$driver_log" "${executor_logs[@]}"
if [[ -n "$kill_executor" ]]; then
  lost=$(grep -c "Lost executor\|ExecutorLostFailure\|exited with\|Container marked as failed" "$driver_log" || true)
  echo "yarn-test: YARN ran $executors executor containers; the driver log reports $lost executor-loss event(s)"
  [[ "$lost" -ge 1 && "$executors" -ge 3 ]] \
    || { echo "yarn-test: no executor was lost and replaced; the kill came too late?" >&2; exit 1; }
fi
if [[ -n "$kill_driver" ]]; then
  resumed=$(grep -o "resuming: [0-9]* trials journaled earlier" "$out/$app"/container_*_02_000001/stderr || true)
  echo "yarn-test: YARN's second attempt: ${resumed:-no resume line}"
  [[ -n "$resumed" ]] || { echo "yarn-test: the second attempt did not resume from the journal" >&2; exit 1; }
fi
echo "yarn-test: passed"
