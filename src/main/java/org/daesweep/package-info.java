/**
 * dae-sweep. Packages by role, top to bottom, each using only those below it (ArchitectureTest
 * keeps it so): cli, spark, config / results / plots, search (the loop), its sampler, scheduler
 * and stop parts, the search space, denoise, training, trial, model, runtime, noise, metrics,
 * data, and this package's {@link org.daesweep.UserException}.
 */
package org.daesweep;
