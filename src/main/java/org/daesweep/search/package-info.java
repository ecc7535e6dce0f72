/**
 * The search loop in plain Java: it asks a sampler what to try, a scheduler how far each trial
 * goes and stop conditions when to end, and hands pieces of trials to a
 * {@link org.daesweep.search.TrialExecutor} (Spark's tasks, or a test's fake). Uses the search
 * parts below it and the trial vocabulary; knows nothing of Spark or of training.
 */
package org.daesweep.search;
