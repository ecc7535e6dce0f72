#!/usr/bin/env bash
# Builds dae-sweep if needed and runs it on an embedded local[*] Spark: no Spark install needed.
#   scripts/run-local.sh sweep --conf conf/default.conf [key=value ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
source scripts/java-opts.sh
dae_sweep_build
# An embedded Spark talks to itself only; binding to loopback also silences the hostname warning.
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
exec java $(dae_sweep_java_opts) ${DAE_SWEEP_JAVA_OPTS:--Xmx6g} \
  -Dlog4j2.configurationFile="${DAE_SWEEP_LOG_CONFIG:-$root/conf/log4j2.properties}" \
  -cp "target/classes:$(cat target/classpath.txt)" org.daesweep.cli.Main "$@"
