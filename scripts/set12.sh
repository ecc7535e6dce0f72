#!/usr/bin/env bash
# The denoising literature's benchmark, side by side: Set12 at sigma 15, 25 and 50 (on 0-255;
# white Gaussian noise added in floating point, neither clipped nor rounded), mean PSNR / SSIM
# over the 12 images of: the noisy input, each given dae-sweep model, non-local means and wavelet
# shrinkage (scikit-image, computed here on the same noisy images), and the published BM3D and
# DnCNN figures (data/natural/README.md, from ../shared/data/natural). Each model is also given
# the clean photographs (does it keep them clean?), and a second table repeats the comparison on
# 8-bit files whose noise is clipped and rounded, what users' saved photographs hold. Each model is
# scored alone and with denoise --self-ensemble (the mean over the 8 flips and quarter turns).
#   scripts/set12.sh MODEL [MODEL ...]     a sweep directory or a model file, e.g. results/default
# Needs Debian's python3-skimage (installed when missing, as root) for the baselines.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[[ $# -ge 1 ]] || { echo "usage: scripts/set12.sh MODEL [MODEL ...]" >&2; exit 2; }
scripts/fetch-data.sh natural >/dev/null
source scripts/java-opts.sh
dae_sweep_build
dae_skimage set12
out=results/set12
rm -rf "$out/noisy" "$out/noisy-8bit" && mkdir -p "$out"
/usr/bin/python3 scripts/dev/set12.py --clean data/natural/Set12 --out "$out/noisy" --sigmas 15 25 50 >"$out/classical.tsv"
/usr/bin/python3 scripts/dev/set12.py --clean data/natural/Set12 --out "$out/noisy-8bit" --sigmas 15 25 50 \
  --eight-bit >"$out/classical-8bit.tsv"
# One tab-separated row (sigma, method, PSNR, SSIM) of a model's mean over Set12, as denoise scores
# it: $1 the model, $2 the row's name, $3 the sigma column, $4 a name for its scores; then denoise's options.
score() {
  local model=$1 method=$2 column=$3 scores="$out/scores-$(basename "$1")-$4"
  shift 4
  rm -rf "$scores"
  local line
  line=$(scripts/run-local.sh denoise --model "$model" "$@" --scores "$scores" 2>/dev/null | grep -E "^  denoised ")
  printf '%s\t%s\t%s\n' "$column" "$method" "$(awk '{print $3 "\t" $4}' <<<"$line")"
}
rows=$(cat "$out/classical.tsv")
rows8=$(cat "$out/classical-8bit.tsv")
for model in "$@"; do
  for sigma in 15 25 50; do
    for ensemble in "" --self-ensemble; do # each model alone, then averaged over the 8 flips and turns
      method=$model${ensemble:+ (self-ensemble)}
      rows+=$'\n'$(score "$model" "$method" "$sigma" "$sigma$ensemble" $ensemble --input "$out/noisy/sigma$sigma" \
        --clean data/natural/Set12)
      rows8+=$'\n'$(score "$model" "$method" "$sigma" "$sigma-8bit$ensemble" $ensemble \
        --input "$out/noisy-8bit/sigma$sigma" --clean data/natural/Set12)
    done
  done
  rows+=$'\n'$(score "$model" "$model" 0 clean --input data/natural/Set12 --clean data/natural/Set12)
done
published=$'15\tBM3D (published)\t32.37\t\n25\tBM3D (published)\t29.97\t\n50\tBM3D (published)\t26.72\t'
published+=$'\n15\tDnCNN-B (published)\t32.68\t\n25\tDnCNN-B (published)\t30.36\t\n50\tDnCNN-B (published)\t27.21\t'
table() { # rows on stdin: sigma, method, PSNR, SSIM; one line per method, a column per sigma
  printf '%-40s %-16s %-16s %-16s %-16s\n' "" "sigma 15" "sigma 25" "sigma 50" "clean input"
  awk -F'\t' '
    { key = $2; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
      cell[key, $1] = $4 == "" ? $3 : $3 " / " $4 }
    END { for (i = 1; i <= n; i++) { k = order[i]
          clean = ((k, 0) in cell) ? cell[k, 0] : "-"
          printf "%-40s %-16s %-16s %-16s %-16s\n", k, cell[k, 15], cell[k, 25], cell[k, 50], clean } }'
}
echo "Set12, mean PSNR dB / SSIM over 12 images (unclipped Gaussian noise; $(date +%F), $(git rev-parse --short HEAD))"
printf '%s\n%s\n' "$rows" "$published" | table
echo
echo "The same noise in 8-bit PNGs (clipped to [0, 1] and rounded, as a saved photograph holds it)"
printf '%s\n' "$rows8" | table
