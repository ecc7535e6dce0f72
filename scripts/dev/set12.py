#!/usr/bin/env python3
"""Set12 under the denoising literature's protocol, for scripts/set12.sh (a development script:
the product stays Java; Debian's python3-skimage makes the classical baselines).

For each sigma (0-255 scale) every clean image gets white Gaussian noise sigma/255 added in
floating point, neither clipped nor rounded, from one seeded generator; the noisy images are
written as 32-bit float TIFFs (which dae-sweep's denoise reads as they are) so that the model
and the baselines see the same noisy pixels. Non-local means (sigma given, h = 0.8 sigma, 7x7
patches, 11 px search) and wavelet shrinkage (BayesShrink, soft) run on them here, their
outputs clipped to [0,1]. Prints one tab-separated line per sigma and method:
    sigma  method  mean_psnr  mean_ssim
with PSNR at data range 1 and SSIM as scikit-image computes it (7x7 window), averaged over the
images, as the literature reports Set12.

With --eight-bit the noisy images are what a saved photograph holds instead: clipped to [0, 1]
and rounded to 8 bits, written as PNGs; the methods run on those.
"""
import argparse
import os

import numpy as np
from PIL import Image
from skimage.metrics import peak_signal_noise_ratio, structural_similarity
from skimage.restoration import denoise_nl_means, denoise_wavelet


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clean", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--sigmas", type=float, nargs="+", default=[15, 25, 50])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--eight-bit", action="store_true")
    args = parser.parse_args()
    names = sorted(n for n in os.listdir(args.clean) if n.lower().endswith(".png"))
    clean = {n: np.asarray(Image.open(os.path.join(args.clean, n)).convert("L"), dtype=np.float64) / 255 for n in names}
    rng = np.random.default_rng(args.seed)
    for sigma in args.sigmas:
        folder = os.path.join(args.out, "sigma%g" % sigma)
        os.makedirs(folder, exist_ok=True)
        scores = {"noisy input": [], "non-local means": [], "wavelet (BayesShrink)": []}
        for n in names:
            x = clean[n]
            noisy = x + sigma / 255 * rng.standard_normal(x.shape)
            if args.eight_bit:
                levels = np.clip(np.round(noisy * 255), 0, 255).astype(np.uint8)
                Image.fromarray(levels, mode="L").save(os.path.join(folder, n[:-4] + ".png"))
                noisy = levels.astype(np.float64) / 255
            else:
                noisy = noisy.astype(np.float32).astype(np.float64)  # what the TIFF holds
                Image.fromarray(noisy.astype(np.float32), mode="F").save(os.path.join(folder, n[:-4] + ".tif"))
            s = sigma / 255
            nlm = denoise_nl_means(noisy, h=0.8 * s, sigma=s, patch_size=7, patch_distance=11, fast_mode=True)
            wavelet = denoise_wavelet(noisy, method="BayesShrink", mode="soft", rescale_sigma=True)
            for method, y in (("noisy input", noisy), ("non-local means", np.clip(nlm, 0, 1)),
                              ("wavelet (BayesShrink)", np.clip(wavelet, 0, 1))):
                scores[method].append((peak_signal_noise_ratio(x, y, data_range=1),
                                       structural_similarity(x, y, data_range=1)))
        for method, values in scores.items():
            values = np.array(values)
            print("%g\t%s\t%.2f\t%.3f" % (sigma, method, values[:, 0].mean(), values[:, 1].mean()), flush=True)


if __name__ == "__main__":
    main()
