# Sourced by the failure drills (chaos.sh, interrupt.sh, cluster-test.sh, yarn-test.sh).
# wait_for_journal waits until a running sweep has journaled N trials, so a drill strikes
# mid-search on a fast CPU and a slow one alike.
#   wait_for_journal RESULTS_DIR N PID   (fails if PID ends first, or after 30 minutes)
wait_for_journal() {
  local dir=$1 wanted=$2 pid=$3 waited=0 count
  while :; do
    count=$(find "$dir/journal" -name 'trial-*.json' 2>/dev/null | wc -l)
    [[ $count -ge $wanted ]] && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the sweep ended with $count trial(s) journaled, before $wanted" >&2; return 1; }
    (( waited++ < 3600 )) || { echo "no $wanted trial(s) journaled after 30 minutes" >&2; return 1; }
    sleep 0.5
  done
}

# The images a sweep file names (its data.images line), for drills that move them elsewhere.
#   conf_images CONF
conf_images() {
  sed -n 's/^ *images *= *"\(.*\)".*/\1/p' "$1"
}

# Each executor read the training data's broadcast at most once: the broadcast's id from the
# driver's log, then each executor log's reads of it, printed; fails on a second read.
#   broadcast_read_once DRILL DRIVER_LOG EXECUTOR_LOG...
broadcast_read_once() {
  local drill=$1 id reads log
  id=$(sed -n 's/.*training data: broadcast \([0-9]*\),.*/\1/p' "$2")
  shift 2
  for log in "$@"; do
    reads=$(grep -c "Started reading broadcast variable $id " "$log" || true)
    echo "$drill: $(dirname "$log") read the data broadcast $reads time(s)"
    [[ "$reads" -le 1 ]] || { echo "$drill: an executor fetched the training data more than once" >&2; return 1; }
  done
}
