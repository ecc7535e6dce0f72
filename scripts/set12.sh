#!/usr/bin/env bash
# The denoising literature's benchmark, side by side: Set12 at sigma 15, 25 and 50 (on 0-255;
# white Gaussian noise added in floating point, neither clipped nor rounded), mean PSNR / SSIM
# over the 12 images of: the noisy input, each given dae-sweep model, non-local means and wavelet
# shrinkage (scikit-image, computed here on the same noisy images), and the published BM3D and
# DnCNN figures (data/natural/README.md, from ../shared/data/natural).
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
rm -rf "$out/noisy" && mkdir -p "$out"
/usr/bin/python3 scripts/dev/set12.py --clean data/natural/Set12 --out "$out/noisy" --sigmas 15 25 50 >"$out/classical.tsv"
rows=$(cat "$out/classical.tsv")
for model in "$@"; do
  for sigma in 15 25 50; do
    scores="$out/scores-$(basename "$model")-$sigma"
    rm -rf "$scores"
    line=$(scripts/run-local.sh denoise --model "$model" --input "$out/noisy/sigma$sigma" --clean data/natural/Set12 \
      --scores "$scores" 2>/dev/null | grep -E "^  denoised ")
    rows+=$'\n'"$sigma"$'\t'"$model"$'\t'$(awk '{print $3 "\t" $4}' <<<"$line")
  done
done
published=$'15\tBM3D (published)\t32.37\t\n25\tBM3D (published)\t29.97\t\n50\tBM3D (published)\t26.72\t'
published+=$'\n15\tDnCNN-B (published)\t32.68\t\n25\tDnCNN-B (published)\t30.36\t\n50\tDnCNN-B (published)\t27.21\t'
echo "Set12, mean PSNR dB / SSIM over 12 images (unclipped Gaussian noise; $(date +%F), $(git rev-parse --short HEAD))"
printf '%-28s %-16s %-16s %-16s\n' "" "sigma 15" "sigma 25" "sigma 50"
printf '%s\n%s\n' "$rows" "$published" | awk -F'\t' '
  { key = $2; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    cell[key, $1] = $4 == "" ? $3 : $3 " / " $4 }
  END { for (i = 1; i <= n; i++) { k = order[i]
        printf "%-28s %-16s %-16s %-16s\n", k, cell[k, 15], cell[k, 25], cell[k, 50] } }'
