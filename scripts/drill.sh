# Sourced by the failure drills (chaos.sh, interrupt.sh): waits until a running sweep has
# journaled N trials, so a drill strikes mid-search on a fast CPU and a slow one alike.
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
