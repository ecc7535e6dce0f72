/** Noise models (Gaussian, salt-and-pepper, Poisson, mixes): deterministic in their seed. A plug-in point. */
package org.daesweep.noise;
