#!/usr/bin/env bash
# spark-submit without a Spark installation: runs Spark's own SparkSubmit class from the
# Spark jars resolved from Maven (scripts/spark-runtime/pom.xml), with the JVM flags Spark's
# launcher adds on Java 17. Takes spark-submit's arguments, e.g.
#   scripts/spark-submit.sh --master 'local[2]' --class org.daesweep.cli.Main target/dae-sweep.jar sweep --conf conf/default.conf
# Where Spark is installed, use its bin/spark-submit with the same arguments instead.
# --master yarn reads the cluster's client configuration from HADOOP_CONF_DIR, as Spark's does.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/java-opts.sh"
classpath=$(spark_runtime_classpath)
# Spark's launcher puts the Hadoop configuration first on the classpath, and YARN's client
# ships $SPARK_HOME/jars to the cluster unless spark.yarn.jars says where they are.
classpath="${HADOOP_CONF_DIR:+$HADOOP_CONF_DIR:}${YARN_CONF_DIR:+$YARN_CONF_DIR:}$classpath"
export SPARK_HOME=${SPARK_HOME:-$(spark_home)}
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
opens=$(dae_sweep_java_opts)
exec java $opens ${DAE_SWEEP_DRIVER_OPTS:--Xmx6g} -cp "$classpath" \
  org.apache.spark.deploy.SparkSubmit \
  --conf "spark.driver.extraJavaOptions=$opens" --conf "spark.executor.extraJavaOptions=$opens" "$@"
