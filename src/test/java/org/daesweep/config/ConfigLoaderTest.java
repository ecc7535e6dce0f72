package org.daesweep.config;

import org.daesweep.UserException;
import org.daesweep.model.Hyperparameter;
import org.daesweep.noise.GaussianNoise;
import org.daesweep.noise.MixedNoise;
import org.daesweep.noise.NoNoise;
import org.daesweep.noise.NoiseKind;
import org.daesweep.noise.NoiseRange;
import org.daesweep.noise.NoiseSetup;
import org.daesweep.noise.SaltPepperNoise;
import org.daesweep.search.sampler.GridSampler;
import org.daesweep.search.space.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path conf(String text) throws IOException {
        return Files.writeString(dir.resolve("sweep.conf"), text);
    }

    private String error(String text, String... overrides) throws IOException {
        Path file = conf(text);
        UserException e = assertThrows(UserException.class, () -> ConfigLoader.load(file, List.of(overrides)));
        assertTrue(e.getMessage().startsWith(file.toString()) || e.getMessage().startsWith("override")
                || e.getMessage().startsWith("command line: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void theLiteraturesNoiseIsATypeWithSigmaOn255() throws IOException {
        SweepConfig config = ConfigLoader.load(conf("""
                search.space { filters = [4, 8] }
                noise { type = awgn, sigma = 50, train = [{ type = awgn, sigma = { min = 0, max = 55 } }] }
                evaluate.robustness = [{ type = awgn, sigma = 15 }, { type = awgn }]
                """), List.of());
        assertEquals("awgn(50.0/255)", config.noise().evaluation().describe());
        assertEquals("mix(awgn(0.0..55.0))", config.noise().training().describe());
        assertEquals(List.of("awgn(15.0/255)", "awgn(25.0/255)"),
                config.evaluate().robustness().stream().map(n -> n.describe()).toList(), "sigma's default is 25");
        assertTrue(error("search.space { filters = [4, 8] }\nnoise { type = awgn, sigma = 300 }")
                .contains("awgn sigma is on the 0-255 scale"));
        assertTrue(error("search.space { filters = [4, 8] }\nnoise.type = blur")
                .contains("must be one of gaussian, awgn, salt-pepper, poisson or none"));
    }

    @Test
    void aParseErrorQuotingALineBreakIsStillOneLine() throws IOException {
        // found by ReaderFuzzTest: HOCON's message quotes the bad text, line break and all
        String e = error("search.space { filters = [4, 8] }\ntrial.loss = \"\\uzz\nd\"");
        assertTrue(e.contains("Malformed hex digits") && !e.contains("\n"), e);
    }

    @Test
    void aBadKeyIsBlamedOnWhereItWasSet() throws IOException {
        assertEquals("command line: trial.filterz: unknown key (see docs/CONFIGURATION.md)",
                error("search.space { filters = [4, 8] }", "trial.filterz=3"));
        assertTrue(error("search.space { filters = [4, 8] }", "trial.kernel=4").startsWith("command line: trial.kernel: "));
        assertTrue(error("search.space { filters = [4, 8] }\ntrial.kernel = 4").startsWith(dir.resolve("sweep.conf")
                + ": trial.kernel: "));
    }

    @Test
    void shippedConfigurationsLoad() throws IOException {
        try (var files = Files.list(Path.of("conf"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                SweepConfig c = ConfigLoader.load(file, List.of());
                assertTrue(c.search().trials() >= 1, file.toString());
            }
        }
        SweepConfig reference = ConfigLoader.load(Path.of("conf/reference.conf"), List.of());
        assertEquals(5, reference.search().trials());
        assertEquals(30, reference.retrain().epochs());
        assertEquals(64, reference.retrain().batchSize());
        assertEquals(new Domain.IntRange(32, 128, 32), reference.search().space().domains().get(Hyperparameter.FILTERS));
        assertTrue(reference.search().space().base().batchNorm() && reference.search().space().base().halveSecond());
    }

    @Test
    void overridesWinOverTheFile() throws IOException {
        SweepConfig c = ConfigLoader.load(conf("search.space { filters = [8, 16] }\nsearch.trials = 2"),
                List.of("search.trials=3", "trial.epochs=1", "search.sampler=grid", "search.trials=2"));
        assertEquals(2, c.search().trials());
        assertEquals(1, c.search().space().base().epochs());
        assertInstanceOf(GridSampler.class, c.search().sampler());
    }

    private static final String SPACE = "search.space { filters = [16, 32] }";

    @Test
    void hadoopSettingsPassThroughFromTheFileAndTheCommandLine() throws IOException {
        SweepConfig c = ConfigLoader.load(conf(SPACE + """

                spark.hadoop { fs.s3a.path.style.access = true, fs.s3a.endpoint = "http://file:9000" }
                """), List.of("spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000", "spark.hadoop.fs.s3a.connection.maximum=64"));
        assertEquals(Map.of("fs.s3a.path.style.access", "true", "fs.s3a.endpoint", "http://127.0.0.1:9000",
                "fs.s3a.connection.maximum", "64"), c.spark().hadoop());
    }

    @Test
    void aQuotedHadoopNameIsRefusedNotHidden() throws IOException {
        assertTrue(error(SPACE + "\nspark.hadoop { \"fs.s3a.endpoint\" = \"http://h:9000\" }").endsWith(
                "spark.hadoop.\"fs.s3a.endpoint\": write Hadoop's name without quotes, as in spark.hadoop.fs.s3a.endpoint = ..."));
        assertTrue(error(SPACE, "spark.hadoop.\"fs.s3a.endpoint\"=http://h:9000").startsWith(
                "command line: spark.hadoop.\"fs.s3a.endpoint\": write Hadoop's name without quotes"));
    }

    @Test
    void secretsStayOutOfTheSavedConfiguration() throws IOException {
        SweepConfig c = ConfigLoader.load(conf(SPACE + "\nspark.hadoop.fs.s3a.secret.key = \"from-the-file\""),
                List.of("spark.hadoop.fs.s3a.access.key=AKIA-from-the-line", "spark.hadoop.fs.s3a.session.token=tok-123",
                        "spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000"));
        assertEquals("from-the-file", c.spark().hadoop().get("fs.s3a.secret.key"), "the value itself is used");
        for (String secret : List.of("from-the-file", "AKIA-from-the-line", "tok-123")) {
            assertFalse(c.rendered().contains(secret), c.rendered());
        }
        assertTrue(c.rendered().contains("http://127.0.0.1:9000"), "what is not secret is kept: " + c.rendered());
        assertTrue(c.rendered().contains("redacted"), c.rendered());
    }

    @Test
    void trainingNoiseCanBeAFreshMix() throws IOException {
        SweepConfig plain = ConfigLoader.load(conf(SPACE), List.of());
        assertEquals(NoiseSetup.of(new GaussianNoise(0.5)), plain.noise());
        SweepConfig mixed = ConfigLoader.load(conf(SPACE + "\nnoise { resample = true, train = ["
                + "{ type = gaussian, factor = 0.3 }, { type = salt-pepper } ] }"), List.of());
        assertEquals(new GaussianNoise(0.5), mixed.noise().evaluation());
        assertEquals(new MixedNoise(List.of(new GaussianNoise(0.3), new SaltPepperNoise(0.1))), mixed.noise().training());
        assertTrue(mixed.noise().fresh());
        assertTrue(error(SPACE + "\nnoise.train = [{ type = speckle }]").contains("noise.train[0].type"));
    }

    @Test
    void blindTrainingDrawsEachImagesStrengthFromARange() throws IOException {
        SweepConfig blind = ConfigLoader.load(conf(SPACE + "\nnoise.train = [{ type = gaussian, factor = { min = 0, max = 0.8 } }, "
                + "{ type = poisson, peak = { min = 5, max = 30 } }, { type = none }]\n"
                + "evaluate.robustness = [{ type = none }]"), List.of());
        assertEquals(new MixedNoise(List.of(new NoiseRange(NoiseKind.GAUSSIAN, 0, 0.8),
                new NoiseRange(NoiseKind.POISSON, 5, 30), new NoNoise())), blind.noise().training());
        assertEquals(List.of(new NoNoise()), blind.evaluate().robustness());
        assertTrue(error(SPACE + "\nnoise.train = [{ type = gaussian, factor = { min = 0.8, max = 0.1 } }]")
                .contains("noise.train[0]: a noise range needs min <= max, got 0.8 and 0.1"));
        assertTrue(error(SPACE + "\nnoise.train = [{ type = gaussian, factor = { min = 0.1 } }]")
                .contains("noise.train[0]: "));
    }

    @Test
    void aTrainingMixCanWeighItsNoises() throws IOException {
        SweepConfig weighted = ConfigLoader.load(conf(SPACE + "\nnoise.train = [{ type = gaussian, factor = 0.3, weight = 2 }, "
                + "{ type = salt-pepper }]"), List.of());
        assertEquals(new MixedNoise(List.of(new GaussianNoise(0.3), new SaltPepperNoise(0.1)), List.of(2.0, 1.0)),
                weighted.noise().training());
        assertTrue(error(SPACE + "\nnoise.train = [{ type = gaussian, weight = 0 }]")
                .contains("noise.train[0].weight: must be a positive number, got 0.0"));
        assertTrue(error(SPACE + "\nevaluate.robustness = [{ type = gaussian, weight = 2 }]")
                .contains("evaluate.robustness[0].weight: unknown key"));
    }

    @Test
    void aMistypedKeyInANoiseListIsNamedNotIgnored() throws IOException {
        assertTrue(error(SPACE + "\nnoise.train = [{ type = gaussian }, { type = gaussian, factr = 0.3 }]")
                .contains("noise.train[1].factr: unknown key; a noise here takes [amount, factor, peak, sigma, type, weight]"));
    }

    @Test
    void architectureKeysAreChecked() throws IOException {
        SweepConfig c = ConfigLoader.load(conf("search.space { model = [cae, unet], dropout = [0, 0.2], "
                + "lr-schedule = [constant, cosine], convs = [1, 2], residual = [true, false] }"), List.of());
        assertEquals(5, c.search().space().domains().size());
        assertTrue(error(SPACE + "\ntrial.model = resnet").contains("trial.model: must be one of [cae, unet]"));
        assertTrue(error(SPACE + "\ntrial.dropout = 1").contains("trial.dropout: must be in [0, 1)"));
        assertTrue(error(SPACE + "\ntrial.lr-schedule = linear").contains("trial.lr-schedule"));
    }

    @Test
    void overrideValuesThatAreNotHoconAreStrings() throws IOException {
        SweepConfig local = ConfigLoader.load(conf(SPACE), List.of("spark.master=local[4]"));
        assertEquals("local[4]", local.spark().master());
        SweepConfig cluster = ConfigLoader.load(conf(SPACE), List.of("spark.master=spark://10.0.0.1:7077"));
        assertEquals("spark://10.0.0.1:7077", cluster.spark().master());
    }

    @Test
    void badInputNamesTheKey() throws IOException {
        assertTrue(error("data { limt = 5 }").contains("data.limt: unknown key"));
        assertTrue(error("trial.learning-rate = 0").contains("trial.learning-rate: must be > 0"));
        assertTrue(error("trial.batch-size = 0").contains("trial.batch-size: must be >= 1"));
        assertTrue(error("trial.epochs = many").contains("epochs"));
        assertTrue(error("search.space { filters = { type = int, min = 64, max = 32 } }")
                .contains("search.space.filters: min 64 is greater than max 32"));
        assertTrue(error("search.space { colour = [1, 2] }").contains("search.space.colour: unknown hyperparameter"));
        assertTrue(error("search.space { loss = [mse, huber] }").contains("search.space.loss: must be one of"));
        assertTrue(error("search { sampler = grid, trials = 5, space { filters = [8, 16] } }")
                .contains("search.trials: 5 trials asked but the grid holds only 2"));
        assertTrue(error("search { space { filters = { type = int, min = 8, max = 16 } }").contains("sweep.conf"));
        assertTrue(error("trial.epochs = 1", "trial.epochs").contains("expected key=value"));
        assertTrue(error("search.space {}").contains("search.space: empty"));
        assertTrue(error("search.space { filters = 32 }").contains("search.space: empty"));
        assertTrue(error(SPACE + "\nevaluate.robustness = [{ type = blur }]")
                .contains("evaluate.robustness[0].type: must be one of gaussian, awgn, salt-pepper, poisson or none, got blur"));
        assertTrue(error(SPACE + "\nevaluate.robustness = [{ type = gaussian, factor = -1 }]")
                .contains("evaluate.robustness[0]: "));
        assertTrue(error("trial.timeout = soon\nsearch.space { filters = [16, 32] }").contains("trial.timeout: must be a duration"));
        assertTrue(error("search.space { filters = [16, 32] }\nsearch.trials = [").contains("sweep.conf"));
    }

    @Test
    void missingFileIsOneLine() {
        UserException e = assertThrows(UserException.class, () -> ConfigLoader.load(dir.resolve("nope.conf"), List.of()));
        assertEquals(dir.resolve("nope.conf") + ": no such configuration file", e.getMessage());
    }

    /** Every key's bad value is refused in one line that names the key, where it was set, and what is wanted. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "sweep.name=a/b | sweep.name: use letters",
            "data.limit=-1 | data.limit: must be >= 0",
            "data.format=tiff | data.format: must be one of",
            "data.size=12y | data.size: ",
            "data.patches.size=-1 | data.patches.size: 0 (whole images) or a side",
            "data.patches.per-image=0 | data.patches.per-image: must be >= 1",
            "data.test-fraction=1.5 | data.test-fraction: must be between 0 and 1",
            "data.validation-fraction=0 | data.validation-fraction: must be between 0 and 1",
            "noise.type=blur | noise.type: must be one of",
            "noise.factor=-1 | noise: ",
            "trial.model=resnet | trial.model: must be one of [cae, unet]",
            "trial.filters=0 | trial.filters: must be >= 1",
            "trial.kernel=4 | trial.kernel: must be an odd number",
            "trial.dropout=1 | trial.dropout: must be in [0, 1)",
            "trial.learning-rate=0 | trial.learning-rate: must be > 0",
            "trial.timeout=soon | trial.timeout: must be a duration",
            "trial.patch-size=-8 | trial.patch-size: must be >= 0",
            "trial.patch-size=32 | trial.patch-size: crops need a sweep that trains on patches; set data.patches.size",
            "search.space.patches-per-image=[4, 8] | search.space.patches-per-image: crops need a sweep that trains on patches",
            "search.sampler=cmaes | search.sampler: must be one of random, grid, tpe",
            "search.tpe.gamma=2 | search.tpe.gamma: must be between 0 and 1",
            "search.tpe.startup-trials=0 | search.tpe.startup-trials: must be >= 1",
            "search.tpe.candidates=2.5 | search.tpe.candidates: must be a whole number",
            "search.trials=-1 | search.trials: must be >= 0",
            "search.scheduler.type=hyperband | search.scheduler.type: must be one of",
            "search.scheduler.min-epochs=0 | search.scheduler.min-epochs: must be > 0",
            "search.stop.epochs=-1 | search.stop: epochs and patience must be >= 0",
            "search.stop.time=-5m | search.stop.time: must not be negative",
            "retrain.epochs=0 | retrain.epochs: must be >= 1",
            "retrain.batch-size=0 | retrain.batch-size: must be >= 1",
            "retrain.averaging-frequency=0 | retrain.averaging-frequency: must be >= 1",
            "evaluate.robustness=5 | evaluate.robustness: must be a list of noises",
            "spark.task-cpus=0 | spark.task-cpus: must be >= 1",
            "spark.executor-wait=later | spark.executor-wait: must be a duration"})
    void everyKeysBadValueIsNamed(String override, String expected) throws IOException {
        String message = error("search { sampler = tpe, space { filters = [4, 8] } }", override.trim());
        String where = message.startsWith("command line: ") ? "command line: " : dir.resolve("sweep.conf") + ": ";
        assertTrue(message.startsWith(where + expected.trim()) && !message.contains("\n"), override + " -> " + message);
    }

    /** The sweep file the README shows loads as it stands. */
    @Test
    void theReadmesSweepFileLoads() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```hocon\n") + "```hocon\n".length();
        SweepConfig example = ConfigLoader.load(conf(readme.substring(start, readme.indexOf("```", start))), List.of());
        assertEquals("tpe", example.search().sampler().name());
        assertEquals(20, example.retrain().epochs());
    }
}
