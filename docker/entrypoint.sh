#!/usr/bin/env bash
# master | worker MASTER_URL [CORES] [MEMORY] | submit MASTER_URL [sweep arguments...]
# The same commands as scripts/local-cluster.sh and scripts/spark-submit.sh, with the JVM flags
# from the pom (java-opts.txt, written by docker/build.sh).
set -euo pipefail
opts=$(cat /opt/dae-sweep/java-opts.txt)
role=${1:?role: master, worker or submit}; shift
case "$role" in
  master)
    exec java $opts -Xmx512m -cp "/opt/spark/jars/*" org.apache.spark.deploy.master.Master \
      --host "$(hostname)" --port 7077 --webui-port 8080 ;;
  worker)
    exec java $opts -Xmx512m -cp "/opt/spark/jars/*" org.apache.spark.deploy.worker.Worker \
      --host "$(hostname)" --cores "${2:-1}" --memory "${3:-4g}" --webui-port 8081 "$1" ;;
  submit)
    master=$1; shift
    exec java $opts -Xmx6g -cp "/opt/spark/jars/*" org.apache.spark.deploy.SparkSubmit \
      --master "$master" --conf "spark.executor.extraJavaOptions=$opts" --executor-memory 2g \
      --conf spark.executor.memoryOverhead=2g --class org.daesweep.cli.Main /opt/dae-sweep/dae-sweep.jar "$@" ;;
  *) echo "unknown role $role: master, worker or submit" >&2; exit 2 ;;
esac
