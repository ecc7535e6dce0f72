#!/usr/bin/python3
"""Writes src/test/resources/metrics/skimage-fixtures.txt: image pairs and the MSE, PSNR and
SSIM that scikit-image computes for them, the reference the Java metrics are tested against.
Run once with Debian's python3-skimage; the output is committed, so the tests need no Python."""
import numpy as np
from skimage.metrics import mean_squared_error, peak_signal_noise_ratio, structural_similarity

rng = np.random.default_rng(7)
cases = []
# A smooth blob and a noisy copy (the denoising case), 28x28.
yy, xx = np.mgrid[0:28, 0:28]
blob = np.exp(-((yy - 12) ** 2 + (xx - 15) ** 2) / 40.0)
cases.append(("blob-vs-noisy", blob, np.clip(blob + 0.5 * rng.standard_normal(blob.shape), 0, 1)))
cases.append(("blob-vs-smoothed", blob, np.clip(blob * 0.8 + 0.05, 0, 1)))
# Uniform random images of a non-square size.
a = rng.random((16, 20))
cases.append(("random-16x20", a, np.clip(a + 0.1 * rng.standard_normal(a.shape), 0, 1)))
# Mostly black with strokes (MNIST-like), against an all-black prediction.
img = np.zeros((28, 28)); img[8:20, 12:15] = 1.0; img[18:21, 6:22] = 0.8
cases.append(("strokes-vs-black", img, np.zeros_like(img)))

with open("src/test/resources/metrics/skimage-fixtures.txt", "w") as f:
    f.write("# name height width mse psnr ssim; then the clean image and the candidate, one row of pixels per line\n")
    for name, clean, cand in cases:
        clean = clean.astype(np.float32).astype(np.float64)
        cand = cand.astype(np.float32).astype(np.float64)
        mse = mean_squared_error(clean, cand)
        psnr = peak_signal_noise_ratio(clean, cand, data_range=1)
        ssim = structural_similarity(clean, cand, data_range=1)
        h, w = clean.shape
        f.write(f"{name} {h} {w} {mse!r} {psnr!r} {ssim!r}\n")
        for image in (clean, cand):
            for row in image:
                f.write(" ".join(repr(float(np.float32(v))) for v in row) + "\n")
