#!/usr/bin/env bash
# Do a configuration's defaults travel beyond digits? Runs a shipped sweep file unchanged but for
# data.images on another set of 28x28 grayscale images, and prints the test PSNR/SSIM of the
# model and of the noisy input, and the gain. A benchmark, not a test.
#   fashion: the Fashion-MNIST test set (10,000 photos of clothing: Debian's dataset-fashion-mnist
#            package, or DAE_SWEEP_FASHION pointing at its t10k-images-idx3-ubyte.gz)
#   glyphs:  10,000 letters and signs drawn from the machine's TrueType fonts (scripts/Glyphs.java)
#   photos:  10,000 patches of 17 photographs (people, a cat, coins, cells, bricks, grass, the sky,
#            printed text) from scikit-image's sample data: Debian's python3-skimage package, or
#            DAE_SWEEP_PHOTOS pointing at a folder with the same files (scripts/Patches.java)
# Either is copied or drawn into data/ once.
#   scripts/other-sets.sh [conf/default.conf] [fashion|glyphs|photos]
set -euo pipefail
cd "$(dirname "$0")/.."
conf=${1:-conf/default.conf}
set_name=${2:-fashion}
case "$set_name" in
  fashion)
    images=data/fashion-mnist/t10k-images-idx3-ubyte.gz
    source=${DAE_SWEEP_FASHION:-/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz}
    if [[ ! -s "$images" ]]; then
      if [[ ! -s "$source" ]]; then
        echo "other-sets: no Fashion-MNIST at $source (apt-get install dataset-fashion-mnist, or set DAE_SWEEP_FASHION)" >&2
        exit 2
      fi
      mkdir -p data/fashion-mnist
      cp "$source" data/fashion-mnist/
    fi ;;
  glyphs)
    images=data/glyphs/glyphs-idx3-ubyte.gz
    if [[ ! -s "$images" ]]; then
      source scripts/java-opts.sh
      dae_sweep_build
      java -Djava.awt.headless=true -cp "target/classes:$(cat target/classpath.txt)" scripts/Glyphs.java "$images" 10000 7 >&2
    fi ;;
  photos)
    images=data/photos/photo-patches-idx3-ubyte.gz
    folder=${DAE_SWEEP_PHOTOS:-/usr/lib/python3/dist-packages/skimage/data}
    if [[ ! -s "$images" ]]; then
      photos=()
      for name in astronaut.png brick.png camera.png cell.png chelsea.png coffee.png coins.png grass.png \
          gravel.png ihc.png moon.png motorcycle_left.png page.png text.png hubble_deep_field.jpg retina.jpg rocket.jpg; do
        if [[ ! -s "$folder/$name" ]]; then
          echo "other-sets: no $name in $folder (apt-get install python3-skimage, or set DAE_SWEEP_PHOTOS)" >&2
          exit 2
        fi
        photos+=("$folder/$name")
      done
      source scripts/java-opts.sh
      dae_sweep_build
      java -Djava.awt.headless=true -cp "target/classes:$(cat target/classpath.txt)" scripts/Patches.java "$images" 10000 7 "${photos[@]}" >&2
    fi ;;
  *)
    echo "other-sets: unknown set '$set_name' (fashion, glyphs or photos)" >&2
    exit 2 ;;
esac
name="$(basename "$conf" .conf)-$set_name"
out=$(scripts/run-local.sh sweep --restart --conf "$conf" "data.images=$images" "sweep.name=$name" 2>/dev/null)
best=$(awk '$1 == "best" {print $3, $4; exit}' <<<"$out")
noisy=$(awk '$1 == "noisy" && $2 == "input" {print $4, $5; exit}' <<<"$out")
read -r best_psnr best_ssim <<<"$best"
read -r noisy_psnr noisy_ssim <<<"$noisy"
gain=$(awk -v a="$best_psnr" -v b="$noisy_psnr" 'BEGIN { printf "%.2f", a - b }')
echo "OTHER-SET conf=$conf set=$set_name model_psnr=$best_psnr model_ssim=$best_ssim noisy_psnr=$noisy_psnr noisy_ssim=$noisy_ssim gain_db=$gain results=results/$name"
