#!/usr/bin/env bash
# Puts datasets into data/ (git-ignored). Idempotent.
#   scripts/fetch-data.sh [mnist] [natural]      (default: mnist)
# mnist:   the MNIST test images into data/mnist/: copied from ../shared/data/mnist when this
#          checkout sits beside it, downloaded otherwise (DAE_SWEEP_MNIST_URL names a mirror).
# natural: the denoising literature's gray photographs into data/natural/ (Train400 to train on,
#          Set12 to test on), copied from ../shared/data/natural and checked against its MD5SUMS;
#          elsewhere, copy them from the public GitHub repository cszn/DnCNN
#          (TrainingCodes/DnCNN_TrainingCodes_v1.0/data/Train400/ and testsets/Set12/) into
#          DAE_SWEEP_NATURAL_DATA and point this script at it.
set -euo pipefail
cd "$(dirname "$0")/.."

mnist() {
  local dest=data/mnist shared=${DAE_SWEEP_SHARED_DATA:-../shared/data/mnist}
  local mirror=${DAE_SWEEP_MNIST_URL:-https://storage.googleapis.com/cvdf-datasets/mnist}
  mkdir -p "$dest"
  for f in t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
    if [[ -s "$dest/$f" ]]; then
      continue
    fi
    if [[ -s "$shared/$f" ]]; then
      cp "$shared/$f" "$dest/$f.part"
    else
      echo "fetch-data: downloading $f from $mirror" >&2
      curl -fsSL --retry 3 -o "$dest/$f.part" "$mirror/$f"
    fi
    gzip -t "$dest/$f.part"
    mv "$dest/$f.part" "$dest/$f"
  done
  echo "fetch-data: MNIST test set in $dest"
}

natural() {
  local dest=data/natural source=${DAE_SWEEP_NATURAL_DATA:-../shared/data/natural}
  if [[ -f "$dest/MD5SUMS" ]] && (cd "$dest" && md5sum --quiet -c MD5SUMS >/dev/null 2>&1); then
    echo "fetch-data: Train400 and Set12 in $dest"
    return
  fi
  if [[ ! -f "$source/MD5SUMS" ]]; then
    echo "fetch-data: no $source/MD5SUMS: copy Train400/ and Set12/ from the GitHub repository cszn/DnCNN" \
      "(TrainingCodes/DnCNN_TrainingCodes_v1.0/data/Train400, testsets/Set12) with their MD5SUMS into a folder" \
      "and set DAE_SWEEP_NATURAL_DATA to it" >&2
    exit 2
  fi
  rm -rf "$dest.part" && mkdir -p "$dest.part"
  cp -r "$source/Train400" "$source/Set12" "$source/MD5SUMS" "$dest.part/"
  (cd "$dest.part" && md5sum --quiet -c MD5SUMS) || { echo "fetch-data: $source does not match its MD5SUMS" >&2; exit 1; }
  rm -rf "$dest" && mv "$dest.part" "$dest"
  echo "fetch-data: Train400 ($(ls "$dest/Train400" | wc -l) images) and Set12 ($(ls "$dest/Set12" | wc -l)) in $dest"
}

sets=("$@")
[[ ${#sets[@]} -gt 0 ]] || sets=(mnist)
for set in "${sets[@]}"; do
  case "$set" in
    mnist) mnist ;;
    natural) natural ;;
    *) echo "fetch-data: unknown set '$set' (mnist, natural)" >&2; exit 2 ;;
  esac
done
