package org.daesweep.model;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import org.daesweep.UserException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.io.UncheckedIOException;

/**
 * The saved form of a trained network: a zip with {@code model.conf} (format version, image
 * size, hyperparameters, seed, step counts) and one ND4J binary array per parameter under
 * {@code params/}. A checkpoint also holds the optimiser's state under {@code optimizer/}, so
 * training continues from it exactly where it stopped. Loading checks the format and that the
 * parameters fit the configuration before using them.
 */
public final class ModelFile {
    static final String FORMAT = "dae-sweep-model";
    static final int VERSION = 2;
    private static final String META = "model.conf";
    private static final String PARAMS = "params/";
    private static final String OPTIMIZER = "optimizer/";
    private static final String TRAINED_ON = "trained-on.conf";

    private ModelFile() {
    }

    public static void write(DenoisingNetwork net, OutputStream out) throws IOException {
        write(net, out, false);
    }

    private static void write(DenoisingNetwork net, OutputStream out, boolean withOptimizer) throws IOException {
        Config meta = ConfigFactory.empty()
                .withValue("format", ConfigValueFactory.fromAnyRef(FORMAT))
                .withValue("version", ConfigValueFactory.fromAnyRef(VERSION))
                .withValue("height", ConfigValueFactory.fromAnyRef(net.height()))
                .withValue("width", ConfigValueFactory.fromAnyRef(net.width()))
                .withValue("hyperparameters", ConfigValueFactory.fromMap(net.hyperparameters().toMap()))
                .withValue("seed", ConfigValueFactory.fromAnyRef(net.seed()))
                .withValue("total-steps", ConfigValueFactory.fromAnyRef(net.totalSteps()))
                .withValue("iteration", ConfigValueFactory.fromAnyRef(net.iteration()));
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(META));
        zip.write(meta.root().render(ConfigRenderOptions.concise().setFormatted(true)).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        writeArrays(zip, PARAMS, net.parameters());
        if (withOptimizer) {
            writeArrays(zip, OPTIMIZER, net.optimizerState());
        }
        zip.finish();
    }

    private static void writeArrays(ZipOutputStream zip, String prefix, Map<String, INDArray> arrays) throws IOException {
        for (Map.Entry<String, INDArray> p : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(prefix + p.getKey()));
            DataOutputStream data = new DataOutputStream(zip);
            Nd4j.write(p.getValue(), data);
            data.flush();
            zip.closeEntry();
        }
    }

    /** The model file's bytes: what predicts. */
    public static byte[] toBytes(DenoisingNetwork net) {
        return bytes(net, false);
    }

    /** A checkpoint's bytes: the model and the optimiser's state, what continues training. */
    public static byte[] checkpoint(DenoisingNetwork net) {
        return bytes(net, true);
    }

    private static byte[] bytes(DenoisingNetwork net, boolean withOptimizer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(net, bytes, withOptimizer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param source names the model in error messages (a path, or "the retrained model")
     * @throws UserException when the content is not a dae-sweep model or does not fit its own configuration
     */
    public static DenoisingNetwork read(InputStream in, String source) {
        Config meta = null;
        Map<String, INDArray> params = new LinkedHashMap<>();
        Map<String, INDArray> optimizer = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(META)) {
                    meta = ConfigFactory.parseString(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                } else if (e.getName().startsWith(PARAMS)) {
                    params.put(e.getName().substring(PARAMS.length()), readArray(zip));
                } else if (e.getName().startsWith(OPTIMIZER)) {
                    optimizer.put(e.getName().substring(OPTIMIZER.length()), readArray(zip));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UserException(source + ": not a readable dae-sweep model (" + e.getMessage() + ")");
        }
        if (meta == null || !meta.hasPath("format") || !FORMAT.equals(meta.getString("format"))) {
            throw new UserException(source + ": not a dae-sweep model (no " + META + " with format = " + FORMAT + ")");
        }
        if (meta.getInt("version") != VERSION) {
            throw new UserException(source + ": model format version " + meta.getInt("version")
                    + " is not supported (this build reads version " + VERSION + ")");
        }
        try {
            Hyperparameters hp = Hyperparameters.fromMap(meta.getConfig("hyperparameters").root().unwrapped());
            DenoisingNetwork net = DenoisingNetwork.withParameters(hp, meta.getInt("height"), meta.getInt("width"),
                    params, meta.getLong("total-steps"), meta.getLong("seed"));
            net.restoreOptimizer(optimizer, meta.getInt("iteration"));
            return net;
        } catch (RuntimeException e) {
            throw new UserException(source + ": " + e.getMessage());
        }
    }

    /** The model file with what it learned from added; a file written before this existed simply lacks it. */
    public static byte[] withTrainedOn(byte[] model, TrainedOn trainedOn) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals(TRAINED_ON)) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            out.putNextEntry(new ZipEntry(TRAINED_ON));
            out.write(trainedOn.render().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What the model learned from, when its file says. */
    public static Optional<TrainedOn> trainedOn(byte[] model) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(TRAINED_ON)) {
                    return Optional.of(TrainedOn.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static INDArray readArray(ZipInputStream zip) throws IOException {
        return Nd4j.read(new DataInputStream(new ByteArrayInputStream(zip.readAllBytes())));
    }
}
