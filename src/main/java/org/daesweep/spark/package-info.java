/**
 * Spark: the sweep driver (load, split, broadcast, search, retrain, evaluate, write), trials and
 * denoising shares as Spark tasks, the data-parallel retrain. Uses every layer below; only the
 * cli uses it.
 */
package org.daesweep.spark;
