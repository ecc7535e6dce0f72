package org.daesweep.search;

import java.util.List;

/**
 * Estimates how long a sweep has left. Elapsed time per finished epoch misleads twice: a piece's
 * epochs count only when it ends (a 10-epoch trial shows nothing for its first nine), and trials
 * that end early (collapsed, pruned) never spend what a trial was expected to. So each epoch
 * still expected is priced at the slot time that finished pieces took per epoch, running pieces
 * are credited with the time they have run, and the work is shared among the slots.
 */
final class TimeLeft {
    private double pieceSeconds;
    private double pieceEpochs;

    /** A piece under way: the epochs its trial is still expected to train, and how long it has run. */
    record Running(double epochs, double seconds) {
    }

    /** A piece of this run ended after {@code seconds}, having trained {@code epochs}. */
    void finished(double seconds, double epochs) {
        pieceSeconds += seconds;
        pieceEpochs += epochs;
    }

    /**
     * Seconds until the last piece ends, or NaN before a piece with epochs has finished. Never
     * less than the longest running piece still needs: one piece does not spread over slots.
     *
     * @param waitingEpochs what the trials not running are still expected to train
     */
    double seconds(double waitingEpochs, List<Running> running, int slots) {
        if (pieceEpochs <= 0) {
            return Double.NaN;
        }
        double perEpoch = pieceSeconds / pieceEpochs;
        double work = waitingEpochs * perEpoch;
        double longest = 0;
        for (Running r : running) {
            double left = Math.max(0, r.epochs() * perEpoch - r.seconds());
            work += left;
            longest = Math.max(longest, left);
        }
        return Math.max(work / slots, longest);
    }
}
