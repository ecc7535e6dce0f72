/** MSE, PSNR and SSIM as scikit-image computes them. */
package org.daesweep.metrics;
