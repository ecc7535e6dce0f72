#!/usr/bin/env bash
# HDFS and YARN on this machine, without a Hadoop download: scripts/MiniHadoop.java on the
# Maven-resolved hadoop-client-minicluster (scripts/mini-hadoop/pom.xml), in a JVM of its own.
#   scripts/mini-hadoop.sh start [NODE_MEMORY_MB] [NODE_VCORES]   (defaults 12288 4)
#   scripts/mini-hadoop.sh dfs ARGS...   (`hdfs dfs ARGS...` against it: Hadoop's own FsShell)
#   scripts/mini-hadoop.sh status | stop
# `start` returns once both serve, printing `export HADOOP_CONF_DIR=...`; its logs, the node
# manager's container logs and HDFS's blocks go to target/mini-hadoop/. `stop` ends only the
# process `start` began.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/java-opts.sh"
run="$root/target/mini-hadoop"
pid_file="$run/mini-hadoop.pid"

alive() { [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }

classpath() {
  local cp_file="$root/target/mini-hadoop-classpath.txt"
  if [[ ! -s "$cp_file" || "$root/scripts/mini-hadoop/pom.xml" -nt "$cp_file" ]]; then
    mkdir -p "$root/target"
    dae_mvn -f "$root/scripts/mini-hadoop/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
  fi
  cat "$cp_file"
}

start() {
  local memory=${1:-12288} vcores=${2:-4} cp opts
  if alive; then echo "mini-hadoop: already running; stop it first" >&2; exit 1; fi
  rm -rf "$run" && mkdir -p "$run"
  cp=$(classpath)
  # The resource manager's web app defines classes at run time: it needs Spark's --add-opens too.
  opts=$(dae_sweep_java_opts)
  # The node manager starts containers with $JAVA_HOME/bin/java.
  export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
  # MiniYARNCluster keeps its work under ./target/<name>: run it from $run.
  (cd "$run" && exec nohup java $opts -Xmx1g -Dlog4j.configuration="file:$root/scripts/mini-hadoop/log4j.properties" -cp "$cp" "$root/scripts/MiniHadoop.java" "$run" \
    "$memory" "$vcores" >"$run/mini-hadoop.log" 2>&1) &
  echo $! >"$pid_file"
  for _ in $(seq 120); do
    [[ -f "$run/ready" ]] && break
    alive || { echo "mini-hadoop: it died, see $run/mini-hadoop.log" >&2; exit 1; }
    sleep 1
  done
  [[ -f "$run/ready" ]] || { echo "mini-hadoop: not ready after 120 s, see $run/mini-hadoop.log" >&2; exit 1; }
  grep "^mini-hadoop:" "$run/mini-hadoop.log"
  echo "export HADOOP_CONF_DIR=$run/conf"
}

stop() {
  if ! alive; then echo "mini-hadoop: not running"; rm -f "$pid_file"; return; fi
  local pid
  pid=$(cat "$pid_file")
  kill "$pid"
  for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"
    echo "mini-hadoop: it did not end within 30 s of SIGTERM; killed it" >&2
  fi
  rm -f "$pid_file"
  echo "mini-hadoop: stopped"
}

dfs() {
  alive || { echo "mini-hadoop: not running; start it first" >&2; exit 1; }
  java -cp "$run/conf:$(classpath)" -Dlog4j.configuration="file:$root/scripts/mini-hadoop/log4j.properties" \
    org.apache.hadoop.fs.FsShell "$@" 2> >(grep -v "NativeCodeLoader" >&2)
}

case "${1:-}" in
  start) shift; start "$@" ;;
  dfs) shift; dfs "$@" ;;
  status) if alive; then echo "mini-hadoop: running (pid $(cat "$pid_file")): $(cat "$run/ready" 2>/dev/null)"; else echo "mini-hadoop: not running"; fi ;;
  stop) stop ;;
  *) echo "usage: $0 start [NODE_MEMORY_MB] [NODE_VCORES] | dfs ARGS... | status | stop" >&2; exit 2 ;;
esac
