#!/usr/bin/env bash
# spark-submit without a Spark installation: runs Spark's own SparkSubmit class from the
# Spark jars resolved from Maven (scripts/spark-runtime/pom.xml), with the JVM flags Spark's
# launcher adds on Java 17. Takes spark-submit's arguments, e.g.
#   scripts/spark-submit.sh --master 'local[2]' --class org.daesweep.cli.Main target/dae-sweep.jar sweep --conf conf/default.conf
# Where Spark is installed, use its bin/spark-submit with the same arguments instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/java-opts.sh"
classpath=$(spark_runtime_classpath)
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
opens=$(dae_sweep_java_opts)
exec java $opens ${DAE_SWEEP_DRIVER_OPTS:--Xmx6g} -cp "$classpath" \
  org.apache.spark.deploy.SparkSubmit \
  --conf "spark.executor.extraJavaOptions=$opens" "$@"
