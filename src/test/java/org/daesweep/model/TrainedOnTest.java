package org.daesweep.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainedOnTest {
    private static byte[] zipWith(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aModelFileKeepsWhatItLearnedFromBesideItsEntries() throws IOException {
        byte[] model = zipWith("model.conf", "format = dae-sweep-model");
        assertEquals(Optional.empty(), ModelFile.trainedOn(model), "a file written before it was recorded");
        TrainedOn photos = new TrainedOn(true, 0.45, 55 / 255.0, "mix(awgn(0.0..55.0))");
        byte[] annotated = ModelFile.withTrainedOn(ModelFile.withTrainedOn(model, photos), photos);
        assertEquals(Optional.of(photos), ModelFile.trainedOn(annotated));
        TrainedOn notGaussian = new TrainedOn(false, 0.1, Double.NaN, "salt-pepper(0.1)");
        assertEquals(Optional.of(notGaussian), ModelFile.trainedOn(ModelFile.withTrainedOn(model, notGaussian)));
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(annotated))) {
            while (in.getNextEntry() != null) {
                entries++;
            }
        }
        assertEquals(2, entries, "the model's own entry and one record, however often it is written");
    }
}
