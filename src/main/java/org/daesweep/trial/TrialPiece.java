package org.daesweep.trial;

import java.io.Serializable;

/**
 * What one piece of a trial's training returns: the trial's result so far, and the checkpoint it
 * continues from if the scheduler promotes it (null when it ended for good).
 *
 * @param retryable the infrastructure failed (Spark gave up on the task), not the trial: the
 *                  step is not journaled, so a resumed sweep runs it again
 */
public record TrialPiece(TrialResult result, Checkpoint checkpoint, boolean retryable) implements Serializable {
}
