/**
 * The vocabulary the search loop and the trainer share: a trial's spec, its result and status,
 * a piece of it (the training between two judgements) with its checkpoint, its epochs.
 */
package org.daesweep.trial;
