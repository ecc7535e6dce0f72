package org.daesweep.metrics;

/** Per-image MSE, PSNR and SSIM averaged over a set of images: the figures a sweep reports and keeps. */
public record MeanScores(int count, double meanMse, double meanPsnr, double meanSsim) {
}
