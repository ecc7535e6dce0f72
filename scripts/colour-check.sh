#!/usr/bin/env bash
# How a grayscale model denoises colour photographs: scikit-image's colour sample photographs
# (an astronaut, a cat, coffee, a motorcycle, a rocket, a stained tissue), white Gaussian noise
# of sigma 15, 25 and 50 (on 0-255, unclipped, drawn independently in red, green and blue), mean
# PSNR / SSIM over the images and their colour planes, for the noisy input and the model.
#   scripts/colour-check.sh MODEL     a sweep directory or a model file, e.g. results/photos
# The photographs come from Debian's python3-skimage, or DAE_SWEEP_PHOTOS naming a folder with them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[[ $# -eq 1 ]] || { echo "usage: scripts/colour-check.sh MODEL" >&2; exit 2; }
folder=${DAE_SWEEP_PHOTOS:-/usr/lib/python3/dist-packages/skimage/data}
images=data/colour
mkdir -p "$images"
for name in astronaut.png chelsea.png coffee.png motorcycle_left.png rocket.jpg ihc.png; do
  if [[ ! -s "$images/$name" ]]; then
    [[ -s "$folder/$name" ]] || { echo "colour-check: no $name in $folder (apt-get install python3-skimage, or set DAE_SWEEP_PHOTOS)" >&2; exit 2; }
    cp "$folder/$name" "$images/"
  fi
done
source scripts/java-opts.sh
dae_sweep_build
out=results/colour-check
rm -rf "$out" && mkdir -p "$out"
echo "Colour check of $1 ($(date +%F), $(git rev-parse --short HEAD)): mean PSNR dB / SSIM over 6 colour photographs"
for sigma in 15 25 50; do
  log=$(scripts/run-local.sh denoise --model "$1" --input "$images" --clean "" --add-noise "awgn:$sigma" \
    --scores "$out/scores-$sigma" 2>&1) || { tail -3 <<<"$log" >&2; exit 1; }
  echo "  sigma $sigma: noisy $(awk '$1 == "noisy" {print $4 " / " $5}' <<<"$log"), denoised $(awk '$1 == "denoised" {print $3 " / " $4}' <<<"$log")"
done
