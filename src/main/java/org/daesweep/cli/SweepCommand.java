package org.daesweep.cli;

import org.daesweep.UserException;
import org.daesweep.config.ConfigLoader;
import org.daesweep.config.SweepConfig;
import org.daesweep.metrics.MeanScores;
import org.daesweep.model.Hyperparameter;
import org.daesweep.results.SweepSummary;
import org.daesweep.search.SweepProgress;
import org.daesweep.spark.SparkStorage;
import org.daesweep.spark.SweepDriver;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a hyperparameter sweep described by a HOCON file.")
final class SweepCommand implements Callable<Integer> {
    private static final int TRIALS_SHOWN = 10;
    @Option(names = "--conf", required = true, paramLabel = "FILE",
            description = "the sweep configuration (HOCON): a local path, file:, hdfs:// or s3a://")
    String conf;

    @Option(names = "--restart", description = "discard the trials an earlier run of this sweep finished and start over "
            + "(by default a rerun resumes: finished trials are kept, the rest run)")
    boolean restart;

    @Option(names = "--extend", paramLabel = "N", defaultValue = "0",
            description = "add N trials to this sweep's finished ones (same search space; the sampler and scheduler "
                    + "continue from its history)")
    int extend;

    @Option(names = "--retrain", description = "retrain and evaluate the best configuration again, even when the "
            + "retrain and evaluate settings are those of the earlier run (by default a finished sweep is left as it is)")
    boolean retrain;

    @Parameters(paramLabel = "key=value", arity = "0..*",
            description = "overrides, e.g. search.trials=10 trial.epochs=3")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        if (extend < 0 || (extend > 0 && restart)) {
            throw new UserException("--extend: give a number of trials >= 1, and not with --restart");
        }
        SweepConfig config = ConfigLoader.load(SparkStorage.fromSubmit(), conf, overrides);
        SweepSummary summary = new SweepDriver(config, new SweepDriver.Request(restart, extend, retrain)).run();
        print(summary, config.search().space().domains().keySet(), System.out);
        return 0;
    }

    static void print(SweepSummary s, Set<Hyperparameter> searched, PrintStream out) {
        long ok = s.trials().stream().filter(t -> t.status() == TrialStatus.OK).count();
        TrialResult b = s.best();
        SweepSummary.ThisRun run = s.run();
        // A resumed sweep may have nothing left to run: no throughput to speak of then.
        String throughput = run.trialsRun() == 0 ? "all from the journal"
                : String.format("%d trials ran in %.0f s (%.0f trials/hour)", run.trialsRun(), run.trialSeconds(),
                run.trialsRun() * 3600 / Math.max(run.trialSeconds(), 1e-9));
        if (run.finishedEarlier()) {
            out.printf("%nSweep finished earlier, with these settings: %d trials, %d ok; nothing to run (--retrain "
                    + "retrains the best, --extend N adds trials)%n", s.trials().size(), ok);
        } else {
            out.printf("%nSweep finished in %.0f s: %d trials, %d ok; %s%n", run.seconds(), s.trials().size(), ok,
                    throughput);
        }
        List<TrialResult> ranked = s.trials().stream()
                .sorted(Comparator.comparingDouble(TrialResult::bestValidationMse)) // NaN (no result) last
                .toList();
        out.printf("  %-11s %-9s %9s %6s %8s  %s%n", "trial", "status", "val MSE", "epochs", "seconds", "configuration");
        ranked.stream().limit(TRIALS_SHOWN).forEach(t -> out.printf("  %-11s %-9s %9.5f %6.4g %8.1f  %s%n",
                t.spec().id(), t.status().label(), t.bestValidationMse(), t.epochsTrained(), t.seconds(),
                SweepProgress.describe(t, searched)));
        if (ranked.size() > TRIALS_SHOWN) {
            out.printf("  ... %d more in the trials table%n", ranked.size() - TRIALS_SHOWN);
        }
        out.printf("Best: %s (validation MSE %.5f) %s%n", b.spec().id(), b.bestValidationMse(), b.spec().hyperparameters().toMap());
        out.printf("Test metrics (%d images)%n", s.bestScores().count());
        out.printf("  %-12s %9s %9s %7s%n", "model", "MSE", "PSNR dB", "SSIM");
        row(out, "best", s.bestScores());
        s.selfEnsembleScores().ifPresent(e -> row(out, "ensembled", e));
        row(out, "noisy input", s.noisyScores());
        out.printf("Results: %s%n", s.location());
    }

    private static void row(PrintStream out, String name, MeanScores s) {
        out.printf("  %-12s %9.5f %9.2f %7.3f%n", name, s.meanMse(), s.meanPsnr(), s.meanSsim());
    }
}
