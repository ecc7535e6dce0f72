package org.daesweep.results;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;

/**
 * What a sweep directory holds, by name, and what makes a folder one: the one place that names
 * its files, for the driver that writes them and the commands that read them. The tables' names
 * are {@link Tables}'.
 */
public final class SweepDirectory {
    /** Marks a directory as dae-sweep's, so that it never deletes or overwrites anyone else's files. */
    public static final String MARKER = "_dae-sweep";
    /** While a sweep runs: the driver that owns the directory. */
    public static final String LOCK = "_lock";
    /** Where a run's tables and files are written before they are published together. */
    public static final String STAGING = "_tmp";
    /** Names a run's staged results while they are renamed into place. */
    public static final String MANIFEST = "_publishing";
    /** Each trial's latest result, for resuming. */
    public static final String JOURNAL = "journal";
    /** Data, noise, search space, sampler, scheduler and seeds: what a resume must match. */
    public static final String PLAN = "plan.json";
    /** The stopped retrain's network and optimiser state. */
    public static final String RETRAIN_CHECKPOINT = "retrain-checkpoint.json";
    /** What the last finished run computed, and from which settings. */
    public static final String OUTCOME = "outcome.json";
    /** The resolved configuration the sweep ran with. */
    public static final String CONFIG = "config.conf";
    /** The retrained best network. */
    public static final String MODEL = "best-model.zip";
    public static final String REPORT = "report.html";
    public static final String LOSS_CURVES = "loss-curves.png";
    public static final String DENOISED_GRID = "denoised-grid.png";
    public static final String RESIDUAL = "residual.png";

    private SweepDirectory() {
    }

    /** Whether {@code dir} is a sweep directory: dae-sweep's marker is in it. */
    public static boolean is(FileSystem fs, Path dir) throws IOException {
        return fs.exists(new Path(dir, MARKER));
    }
}
