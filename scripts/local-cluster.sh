#!/usr/bin/env bash
# A real standalone Spark cluster on this machine, without a Spark download: Spark's own
# Master and Worker classes from the Maven-resolved Spark jars, bound to 127.0.0.1.
#   scripts/local-cluster.sh start [WORKERS] [CORES_PER_WORKER] [MEMORY_PER_WORKER]   (defaults 2 1 4g)
#   scripts/local-cluster.sh status | stop
# Master spark://127.0.0.1:7077 (UI http://127.0.0.1:8080); logs, pid files and the workers'
# work directories go to target/local-cluster/. `stop` ends only the processes `start` began.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/java-opts.sh"
run="$root/target/local-cluster"
master_url="spark://127.0.0.1:7077"

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  local workers=${1:-2} cores=${2:-1} memory=${3:-4g}
  if alive "$run/master.pid"; then
    echo "local-cluster: already running ($master_url); stop it first" >&2
    exit 1
  fi
  mkdir -p "$run"
  local home opts
  home=$(spark_home)
  opts=$(dae_sweep_java_opts)
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1
  # shellcheck disable=SC2086
  nohup java $opts -Xmx512m -cp "$home/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port 7077 --webui-port 8080 >"$run/master.log" 2>&1 &
  echo $! >"$run/master.pid"
  for _ in $(seq 60); do
    grep -q "I have been elected leader" "$run/master.log" 2>/dev/null && break
    alive "$run/master.pid" || { echo "local-cluster: the master died, see $run/master.log" >&2; exit 1; }
    sleep 1
  done
  for i in $(seq "$workers"); do
    mkdir -p "$run/worker-$i"
    # shellcheck disable=SC2086
    nohup java $opts -Xmx512m -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --cores "$cores" --memory "$memory" --webui-port $((8080 + i)) \
      --work-dir "$run/worker-$i" "$master_url" >"$run/worker-$i.log" 2>&1 &
    echo $! >"$run/worker-$i.pid"
  done
  local registered=0
  for _ in $(seq 60); do
    registered=$( (grep -l "Successfully registered with master" "$run"/worker-*.log 2>/dev/null || true) | wc -l)
    [[ "$registered" -ge "$workers" ]] && break
    sleep 1
  done
  if [[ "$registered" -lt "$workers" ]]; then
    echo "local-cluster: only $registered of $workers workers registered, see $run/worker-*.log" >&2
    exit 1
  fi
  echo "local-cluster: $master_url with $workers workers x $cores cores, $memory (logs in $run)"
}

status() {
  local any=0
  for pid_file in "$run"/*.pid; do
    [[ -e "$pid_file" ]] || continue
    name=$(basename "$pid_file" .pid)
    if alive "$pid_file"; then echo "$name: running (pid $(cat "$pid_file"))"; any=1; else echo "$name: stopped"; fi
  done
  [[ $any -eq 1 ]] && echo "master: $master_url" || echo "local-cluster: not running"
}

stop() {
  local pids=() names=() pid_file pid i
  for pid_file in "$run"/worker-*.pid "$run"/master.pid; do
    [[ -e "$pid_file" ]] || continue
    if alive "$pid_file"; then
      pids+=("$(cat "$pid_file")")
      names+=("$(basename "$pid_file" .pid)")
      kill "${pids[-1]}"
    fi
  done
  # Return only once they are gone: a JVM takes a moment to end, and a start right after a
  # return that came first would find the ports still taken. Past 30 s, SIGKILL, and say so.
  for i in "${!pids[@]}"; do
    pid=${pids[$i]}
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
      echo "local-cluster: ${names[$i]} (pid $pid) did not end within 30 s of SIGTERM; killed it" >&2
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
  done
  rm -f "$run"/worker-*.pid "$run"/master.pid
  echo "local-cluster: stopped ${#pids[@]} process(es)"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  status) status ;;
  stop) stop ;;
  *) echo "usage: $0 start [WORKERS] [CORES] [MEMORY] | status | stop" >&2; exit 2 ;;
esac
