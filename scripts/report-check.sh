#!/usr/bin/env bash
# Opens a sweep's report.html in a real browser (Debian's headless Chromium, installed here if
# missing), saves a screenshot, prints the page's size and the time it takes to load, and fails
# if the page logs a JavaScript error, its script did not run, or any section shows nothing.
#   scripts/report-check.sh SWEEP_DIR [SCREENSHOT.png]   (default: SWEEP_DIR/report.png)
set -euo pipefail
dir=${1:?usage: scripts/report-check.sh SWEEP_DIR [SCREENSHOT.png]}
shot=${2:-$dir/report.png}
page="$(cd "$dir" && pwd)/report.html"
[[ -f $page ]] || { echo "report-check: $page does not exist (run a sweep, or dae-sweep report $dir)" >&2; exit 2; }
if ! command -v chromium >/dev/null; then
  echo "report-check: installing Debian's chromium" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null
fi
profile=$(mktemp -d)
logs=$(mktemp -d)
trap 'rm -rf "$profile" "$logs"' EXIT
# The flags keep Chromium off the network this machine does not have.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0)
chromium "${flags[@]}" --window-size=1400,2600 --screenshot="$shot" "file://$page" 2>"$logs/shot.log" >/dev/null
chromium "${flags[@]}" --dump-dom "file://$page" 2>"$logs/dom.log" >"$logs/dom.html"
# Load time: a page that frames the report and writes, once the frame has loaded (its charts
# parsed and laid out, its script run), how long that took.
cat >"$logs/timer.html" <<HTML
<!DOCTYPE html><html><body><p id="ms"></p><script>var t0 = performance.now();</script>
<iframe style="width:1400px;height:2600px" src="file://$page"
  onload="document.getElementById('ms').textContent = 'loaded in ' + Math.round(performance.now() - t0) + ' ms'"></iframe>
</body></html>
HTML
chromium "${flags[@]}" --allow-file-access-from-files --dump-dom "file://$logs/timer.html" 2>/dev/null >"$logs/timer.out"
echo "report-check: $(du -k "$page" | cut -f1) KB, $(grep -o 'loaded in [0-9]* ms' "$logs/timer.out" || echo 'load time not measured')"
failed=0
if grep -h "CONSOLE" "$logs/shot.log" "$logs/dom.log" | grep -Ei "error|uncaught"; then
  echo "report-check: the page logged a JavaScript error" >&2
  failed=1
fi
grep -q 'data-script="ran"' "$logs/dom.html" || { echo "report-check: the page's script did not run" >&2; failed=1; }
for section in summary trials progress importance hyperparameters parallel costs curves rungs robustness images; do
  items=$(grep -o "<section id=\"$section\" data-items=\"[0-9]*\"" "$logs/dom.html" | grep -o '[0-9]*"$' | tr -d '"' || true)
  if [[ $section == importance && $items == 0 ]]; then
    echo "report-check: importance: none yet (it needs two trials that reported)"
  elif [[ -z $items || $items == 0 ]]; then
    echo "report-check: section '$section' is ${items:+empty}${items:-missing}" >&2
    failed=1
  else
    echo "report-check: $section: $items"
  fi
done
[[ -s $shot ]] || { echo "report-check: no screenshot" >&2; failed=1; }
[[ $failed == 0 ]] && echo "report-check: passed; screenshot $shot"
exit $failed
