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

/** A sweep's whole configuration, validated. {@code rendered} is the resolved HOCON, saved with the results. */
public record SweepConfig(
        String name,
        long seed,
        ImageSource images,
        int limit,
        SplitSpec split,
        PatchSpec patches,
        NoiseSetup noise,
        SearchSpace space,
        Sampler sampler,
        int trials,
        SchedulerSpec scheduler,
        Budget budget,
        Duration trialTimeout,
        long searchSeed,
        Retrain retrain,
        List<NoiseModel> robustness,
        boolean selfEnsemble,
        String outputDir,
        String master,
        int taskCpus,
        Duration executorWait,
        String rendered) implements Serializable {

    /**
     * @param distributed        retrain data-parallel with dl4j-spark instead of in one task
     * @param averagingFrequency distributed: minibatches each worker trains between averagings
     */
    public record Retrain(int epochs, int batchSize, boolean distributed, int averagingFrequency) implements Serializable {
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
        return outputDir.endsWith("/") ? outputDir + name : outputDir + "/" + name;
    }
}
