/** Samplers: what configuration to try next (random, grid, TPE). A plug-in point. */
package org.daesweep.search.sampler;
