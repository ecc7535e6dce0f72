#!/usr/bin/env bash
# Does a model darken (or brighten) the edges of what it denoises? On Set12 at sigma 15, 25 and
# 50 (the noisy images scripts/set12.sh makes), the PSNR of each output's outer 8 px against its
# interior's; and the largest deviation of a uniform gray image (128 on 0-255) once denoised.
#   scripts/frame-check.sh MODEL     a sweep directory or a model file, e.g. results/photos
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[[ $# -eq 1 ]] || { echo "usage: scripts/frame-check.sh MODEL" >&2; exit 2; }
scripts/fetch-data.sh natural >/dev/null
source scripts/java-opts.sh
dae_sweep_build
dae_skimage frame-check
noisy=results/set12/noisy
[[ -d "$noisy/sigma50" ]] || /usr/bin/python3 scripts/dev/set12.py --clean data/natural/Set12 --out "$noisy" >/dev/null
out=results/frame-check
rm -rf "$out" && mkdir -p "$out"
denoise() { # quiet, but a failure shows its own line
  local log
  log=$(scripts/run-local.sh denoise --model "$model" --input "$1" --output "$2" 2>&1) || { tail -3 <<<"$log" >&2; exit 1; }
}
model="$1"
echo "Frame check of $1 ($(date +%F), $(git rev-parse --short HEAD)): mean PSNR dB over Set12's 12 images"
for sigma in 15 25 50; do
  denoise "$noisy/sigma$sigma" "$out/sigma$sigma"
  echo "  sigma $sigma: $(/usr/bin/python3 scripts/dev/frame.py border data/natural/Set12 "$out/sigma$sigma" | tail -1 | sed 's/^mean *//')"
done
/usr/bin/python3 scripts/dev/frame.py gray "$out/gray.png"
denoise "$out/gray.png" "$out/gray-denoised.png"
echo "  uniform gray 128: largest deviation $(/usr/bin/python3 scripts/dev/frame.py deviation "$out/gray-denoised.png") on 0-255"
