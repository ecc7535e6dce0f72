package org.daesweep.plots;

import org.daesweep.model.Hyperparameters;
import org.daesweep.trial.EpochStats;
import org.daesweep.trial.TrialResult;
import org.daesweep.trial.TrialSpec;
import org.daesweep.trial.TrialStatus;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LossCurvesTest {
    @Test
    void sixtyFourTrialsMakeAReadablePicture() throws Exception {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            List<EpochStats> epochs = new ArrayList<>();
            for (int e = 1; e <= 5; e++) {
                double mse = 0.02 + 0.002 * i + 0.05 / e;
                epochs.add(new EpochStats(e, mse, mse, mse, 1, 0, Double.NaN));
            }
            trials.add(new TrialResult(TrialSpec.of(i, 1, Hyperparameters.referenceBaseline()), TrialStatus.OK, "",
                    new TrialResult.Training(epochs, 5, Double.NaN, 1, 1),
                    new TrialResult.Placement("", ""), new TrialResult.Rungs(0, List.of())));
        }
        byte[] png = LossCurves.png(trials);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(900, image.getWidth());
        // kept beside the build's output for a look: target/loss-curves-64.png
        Files.write(Path.of("target", "loss-curves-64.png"), png);
    }
}
