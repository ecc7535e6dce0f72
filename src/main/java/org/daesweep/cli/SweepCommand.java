package org.daesweep.cli;

import org.daesweep.config.ConfigLoader;
import org.daesweep.config.SweepConfig;
import org.daesweep.metrics.ImageScores;
import org.daesweep.results.SweepSummary;
import org.daesweep.spark.SweepDriver;
import org.daesweep.training.TrialResult;
import org.daesweep.training.TrialStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a hyperparameter sweep described by a HOCON file.")
final class SweepCommand implements Callable<Integer> {
    private static final int TRIALS_SHOWN = 10;
    @Option(names = "--conf", required = true, paramLabel = "FILE", description = "the sweep configuration (HOCON)")
    Path conf;

    @Option(names = "--restart", description = "discard the trials an earlier run of this sweep finished and start over "
            + "(by default a rerun resumes: finished trials are kept, the rest run)")
    boolean restart;

    @Parameters(paramLabel = "key=value", arity = "0..*",
            description = "overrides, e.g. search.trials=10 trial.epochs=3")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        SweepConfig config = ConfigLoader.load(conf, overrides);
        SweepSummary summary = new SweepDriver(config, restart).run();
        print(summary, System.out);
        return 0;
    }

    static void print(SweepSummary s, PrintStream out) {
        long ok = s.trials().stream().filter(t -> t.status() == TrialStatus.OK).count();
        TrialResult b = s.best();
        out.printf("%nSweep finished in %.0f s: %d trials, %d ok; %d trials ran in %.0f s (%.0f trials/hour)%n",
                s.seconds(), s.trials().size(), ok, s.trialsRun(), s.trialSeconds(),
                s.trialsRun() * 3600 / Math.max(s.trialSeconds(), 1e-9));
        List<TrialResult> ranked = s.trials().stream()
                .sorted(Comparator.comparingDouble(TrialResult::bestValidationMse)) // NaN (no result) last
                .toList();
        out.printf("  %-11s %-9s %9s %6s %8s%n", "trial", "status", "val MSE", "epochs", "seconds");
        ranked.stream().limit(TRIALS_SHOWN).forEach(t -> out.printf("  %-11s %-9s %9.5f %6d %8.1f%n",
                t.spec().id(), t.status().label(), t.bestValidationMse(), t.epochsRun(), t.seconds()));
        if (ranked.size() > TRIALS_SHOWN) {
            out.printf("  ... %d more in the trials table%n", ranked.size() - TRIALS_SHOWN);
        }
        out.printf("Best: %s (validation MSE %.5f) %s%n", b.spec().id(), b.bestValidationMse(), b.spec().hyperparameters().toMap());
        out.printf("Test metrics (%d images)%n", s.bestScores().count());
        out.printf("  %-12s %9s %9s %7s%n", "model", "MSE", "PSNR dB", "SSIM");
        row(out, "best", s.bestScores());
        row(out, "noisy input", s.noisyScores());
        out.printf("Results: %s%n", s.location());
    }

    private static void row(PrintStream out, String name, ImageScores s) {
        out.printf("  %-12s %9.5f %9.2f %7.3f%n", name, s.meanMse(), s.meanPsnr(), s.meanSsim());
    }
}
