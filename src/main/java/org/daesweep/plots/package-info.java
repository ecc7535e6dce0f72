/** PNG pictures of a sweep: loss curves, noisy/denoised/clean grids, residuals. */
package org.daesweep.plots;
