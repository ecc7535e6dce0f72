package org.daesweep.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import org.daesweep.data.ImageSource;
import org.daesweep.data.PatchSpec;
import org.daesweep.data.SplitSpec;
import org.daesweep.noise.NoiseModel;
import org.daesweep.noise.NoiseSetup;
import org.daesweep.search.sampler.Sampler;
import org.daesweep.search.scheduler.SchedulerSpec;
import org.daesweep.search.space.SearchSpace;
import org.daesweep.search.stop.Budget;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A sweep's whole configuration, validated, one record per block of the sweep file.
 * {@code rendered} is the resolved HOCON, saved with the results.
 */
public record SweepConfig(
        Sweep sweep,
        Data data,
        NoiseSetup noise,
        Search search,
        Retrain retrain,
        Evaluate evaluate,
        Output output,
        Spark spark,
        String rendered) implements Serializable {

    /** {@code sweep}: the name of its results directory and the master seed the noise and trials derive from. */
    public record Sweep(String name, long seed) implements Serializable {
    }

    /** {@code data}: where the images are, how many, how they are split, and the patches trials train on. */
    public record Data(ImageSource images, int limit, SplitSpec split, PatchSpec patches) implements Serializable {
    }

    /**
     * {@code search}, with {@code trial.timeout}: what is tried, in which order, and when it stops.
     *
     * @param trialTimeout a piece of a trial still training after this ends as {@code timeout}; zero: none
     */
    public record Search(SearchSpace space, Sampler sampler, int trials, SchedulerSpec scheduler, Budget budget,
                         Duration trialTimeout, long seed) implements Serializable {
    }

    /**
     * {@code retrain}: the best configuration trained again on the training and validation images.
     *
     * @param distributed        retrain data-parallel with dl4j-spark instead of in one task
     * @param averagingFrequency distributed: minibatches each worker trains between averagings
     */
    public record Retrain(int epochs, int batchSize, boolean distributed, int averagingFrequency) implements Serializable {
    }

    /** {@code evaluate}: the noises the retrained model is also scored under, and whether to self-ensemble. */
    public record Evaluate(List<NoiseModel> robustness, boolean selfEnsemble) implements Serializable {
    }

    /** {@code output}: the folder (any Hadoop path) that holds the sweep's directory. */
    public record Output(String dir) implements Serializable {
    }

    /**
     * {@code spark}: the master when spark-submit gives none, cores per trial, how long a
     * cluster's first executor may take, and Hadoop's settings ({@code spark.hadoop.*}, by Hadoop's names).
     */
    public record Spark(String master, int taskCpus, Duration executorWait, Map<String, String> hadoop)
            implements Serializable {
        public Spark {
            hadoop = Map.copyOf(hadoop);
        }
    }

    /**
     * The named blocks of the resolved configuration, rendered in one canonical form (keys sorted,
     * no comments): equal exactly when the blocks' settings are.
     */
    public String renderedSections(String... blocks) {
        Config all = ConfigFactory.parseString(rendered);
        StringBuilder out = new StringBuilder();
        for (String block : blocks) {
            String value = all.hasPath(block) ? all.getValue(block).render(ConfigRenderOptions.concise()) : "{}";
            out.append(block).append('=').append(value).append('\n');
        }
        return out.toString();
    }

    /** Where this sweep's results go: {@code <output.dir>/<sweep.name>}. */
    public String sweepDir() {
        String dir = output.dir();
        return dir.endsWith("/") ? dir + sweep.name() : dir + "/" + sweep.name();
    }
}
