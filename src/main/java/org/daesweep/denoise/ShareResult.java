package org.daesweep.denoise;

import java.io.Serializable;
import java.util.List;

/** What one share of a denoising run did: images denoised, their scores (with a reference), and what was skipped. */
public record ShareResult(int share, int denoised, List<ImageScore> scores, List<Skipped> skipped) implements Serializable {
    /** An input that could not be denoised, and why. */
    public record Skipped(String name, String problem) implements Serializable {
    }
}
