#!/usr/bin/env python3
"""The frame check, for scripts/frame-check.sh (a development script; the product stays Java).

  frame.py border CLEAN_DIR DENOISED_DIR   per image and mean: PSNR of the outer 8 px band and of
                                           the interior against the clean image (data range 1)
  frame.py gray OUT.png                    writes a 256x256 uniform gray image (128/255)
  frame.py deviation IMAGE                 the largest |pixel - 128| of a denoised gray image, on 0-255
"""
import os
import sys

import numpy as np
from PIL import Image

BAND = 8


def load(path):
    image = Image.open(path)
    a = np.asarray(image).astype(np.float64)
    if image.mode in ("I", "I;16"):  # 16-bit PNG, as denoise writes a float TIFF's output
        return a / 65535.0
    return a / 255.0 if image.mode == "L" else a


def psnr(a, b):
    return 10 * np.log10(1.0 / np.mean((a - b) ** 2))


def border(clean_dir, denoised_dir):
    rows = []
    for name in sorted(os.listdir(clean_dir)):
        clean = load(os.path.join(clean_dir, name))
        stem = os.path.splitext(name)[0]
        match = [f for f in os.listdir(denoised_dir) if os.path.splitext(f)[0] == stem]
        out = np.clip(load(os.path.join(denoised_dir, match[0])), 0, 1)
        edge = np.ones(clean.shape, dtype=bool)
        edge[BAND:-BAND, BAND:-BAND] = False
        rows.append((stem, psnr(out[edge], clean[edge]), psnr(out[~edge], clean[~edge])))
        print(f"{stem:12s} border {rows[-1][1]:6.2f}  interior {rows[-1][2]:6.2f}  diff {rows[-1][1] - rows[-1][2]:+.2f}")
    b, i = np.mean([r[1] for r in rows]), np.mean([r[2] for r in rows])
    print(f"{'mean':12s} border {b:6.2f}  interior {i:6.2f}  diff {b - i:+.2f}")


def main():
    mode = sys.argv[1]
    if mode == "border":
        border(sys.argv[2], sys.argv[3])
    elif mode == "gray":
        Image.fromarray(np.full((256, 256), 128, dtype=np.uint8)).save(sys.argv[2])
    elif mode == "deviation":
        print(f"{np.abs(load(sys.argv[2]) * 255 - 128).max():.2f}")


if __name__ == "__main__":
    main()
