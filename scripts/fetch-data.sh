#!/usr/bin/env bash
# Puts the MNIST test images into data/mnist/ (git-ignored): copied from ../shared/data/mnist
# when this checkout sits beside it, downloaded otherwise. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=data/mnist
mkdir -p "$dest"
files=(t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)
shared=${DAE_SWEEP_SHARED_DATA:-../shared/data/mnist}
mirror=${DAE_SWEEP_MNIST_URL:-https://storage.googleapis.com/cvdf-datasets/mnist}
for f in "${files[@]}"; do
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
