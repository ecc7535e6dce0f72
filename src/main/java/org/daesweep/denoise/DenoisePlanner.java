package org.daesweep.denoise;

import org.apache.hadoop.fs.Path;
import org.daesweep.UserException;
import org.daesweep.data.ImageSet;
import org.daesweep.data.PictureCodec;
import org.daesweep.data.Storage;
import org.daesweep.noise.NoiseModel;
import org.daesweep.training.SweepData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.io.InputStream;
import java.io.IOException;

/**
 * Turns the paths a user gave into a {@link DenoiseRequest}, checking on the driver, before any
 * work, everything that can be checked there: the input's kind (an IDX file, one image, a folder
 * of images), an output that is not the input and holds nothing yet, and clean references that
 * match the input's layout.
 */
public final class DenoisePlanner {
    private final Storage storage;

    public DenoisePlanner(Storage storage) {
        this.storage = storage;
    }

    /** A plan and what the user is told about it before the run. */
    public record Plan(DenoiseRequest request, String kind, int ignoredFiles, String output) {
    }

    /**
     * @param cleanLocation the clean references, "" when the input itself is clean (with noise), or null
     * @param outputLocation where results go, or null to score only
     */
    public Plan plan(String inputLocation, String outputLocation, String cleanLocation, NoiseModel noise, long seed) {
        Path input = storage.qualified(inputLocation);
        if (!storage.exists(input)) {
            throw new UserException(inputLocation + ": no such file or directory");
        }
        Path output = outputLocation == null ? null : storage.qualified(outputLocation);
        if (output != null) {
            requireApart(input, output, inputLocation, outputLocation);
        }
        if (storage.isDirectory(input)) {
            return folder(input, output, cleanLocation, noise, seed);
        }
        if (PictureCodec.isImageName(input.getName())) {
            return singleImage(input, output, cleanLocation, noise, seed);
        }
        Inputs.Idx idx;
        try {
            idx = Inputs.Idx.of(storage, input);
        } catch (UserException e) {
            throw new UserException(inputLocation + ": neither an image file (" + PictureCodec.suffixList()
                    + "), a folder of them, nor an IDX image file (" + e.getMessage() + ")");
        }
        return idx(idx, output, cleanLocation, noise, seed);
    }

    /**
     * A sweep's own test images and their clean originals (in memory: a split is a sweep's size),
     * in source order. One size is written as one IDX file; photographs of several sizes as a
     * folder of PNGs named by their positions in the sweep's images.
     */
    public Plan split(List<SweepData.TestImages> groups, String outputLocation) {
        Inputs.Memory noisy = Inputs.Memory.of(groups, SweepData.TestImages::noisy);
        Inputs.Memory clean = Inputs.Memory.of(groups, SweepData.TestImages::clean);
        Outputs out = new Outputs.None();
        String where = null;
        if (outputLocation != null) {
            Path output = storage.qualified(outputLocation);
            requireAbsent(output, outputLocation);
            if (groups.size() == 1) {
                requireIdxName(output, outputLocation, "the test split");
                ImageSet images = groups.get(0).noisy();
                out = new Outputs.Idx(output, output.getName().endsWith(".gz"), images.count(), images.height(),
                        images.width());
            } else {
                if (isIdxName(output.getName()) || PictureCodec.isImageName(output.getName())) {
                    throw new UserException(outputLocation + ": the test split holds images of " + groups.size()
                            + " sizes, written as a folder of PNGs; name a folder, not a file");
                }
                out = new Outputs.Folder(output, Arrays.stream(noisy.sourceIndices()).mapToObj(i -> i + ".png").toList());
            }
            where = output.toString();
        }
        return new Plan(new DenoiseRequest(noisy, clean, null, 0, out), "test split", 0, where);
    }

    private Plan idx(Inputs.Idx in, Path output, String cleanLocation, NoiseModel noise, long seed) {
        Inputs clean = null;
        if (cleanLocation != null) {
            clean = cleanLocation.isEmpty() ? in : cleanIdx(in, cleanLocation);
        }
        Outputs out = new Outputs.None();
        if (output != null) {
            requireIdxName(output, output.toString(), "an IDX input");
            requireAbsent(output, output.toString());
            out = new Outputs.Idx(output, output.getName().endsWith(".gz"), in.count(), in.height(), in.width());
        }
        return new Plan(new DenoiseRequest(in, clean, noise, seed, out), "IDX file", 0,
                output == null ? null : output.toString());
    }

    private Inputs cleanIdx(Inputs.Idx in, String cleanLocation) {
        Path path = storage.qualified(cleanLocation);
        Inputs.Idx clean = Inputs.Idx.of(storage, path);
        if (clean.count() != in.count() || clean.height() != in.height() || clean.width() != in.width()) {
            throw new UserException(cleanLocation + ": --clean holds " + clean.count() + " images of " + clean.height() + "x"
                    + clean.width() + ", the input " + in.count() + " of " + in.height() + "x" + in.width());
        }
        return clean;
    }

    private Plan singleImage(Path input, Path output, String cleanLocation, NoiseModel noise, long seed) {
        Inputs.Files in = new Inputs.Files(input.getParent(), List.of(input.getName()));
        Inputs clean = null;
        if (cleanLocation != null) {
            Path ref = cleanLocation.isEmpty() ? input : storage.qualified(cleanLocation);
            if (!storage.exists(ref) || storage.isDirectory(ref)) {
                throw new UserException(cleanLocation + ": --clean must be one image file, as the input is");
            }
            clean = cleanLocation.isEmpty() ? in : new Inputs.Files(ref.getParent(), List.of(ref.getName()));
            requireSameSizes(in, clean);
        }
        Outputs out = new Outputs.None();
        if (output != null) {
            if (storage.isDirectory(output)) {
                output = new Path(output, pngName(input.getName()));
            } else if (!PictureCodec.isWritableName(output.getName())) {
                throw new UserException(output + ": --output for one image is an image file (" + PictureCodec.writableList()
                        + ", by its suffix) or an existing folder");
            }
            requireAbsent(output, output.toString());
            out = new Outputs.Folder(output.getParent(), List.of(output.getName()));
        }
        return new Plan(new DenoiseRequest(in, clean, noise, seed, out), "image file", 0,
                output == null ? null : output.toString());
    }

    private Plan folder(Path input, Path output, String cleanLocation, NoiseModel noise, long seed) {
        List<String> names = new ArrayList<>();
        int ignored = 0;
        for (Path file : storage.filesBelow(input)) {
            if (PictureCodec.isImageName(file.getName())) {
                names.add(Storage.relative(input, file));
            } else {
                ignored++;
            }
        }
        if (names.isEmpty()) {
            throw new UserException(input + ": holds no image files (" + PictureCodec.suffixList() + ")");
        }
        Inputs.Files in = new Inputs.Files(input, names);
        Inputs clean = null;
        if (cleanLocation != null) {
            clean = cleanLocation.isEmpty() ? in : cleanFolder(names, cleanLocation);
            requireSameSizes(in, clean);
        }
        Outputs out = new Outputs.None();
        if (output != null) {
            if (PictureCodec.isImageName(output.getName()) || isIdxName(output.getName())) {
                throw new UserException(output + ": a folder of images is written as a folder of PNGs; name a folder, "
                        + "not a file");
            }
            requireAbsent(output, output.toString());
            out = new Outputs.Folder(output, outputNames(names));
        }
        return new Plan(new DenoiseRequest(in, clean, noise, seed, out), "folder of images", ignored,
                output == null ? null : output.toString());
    }

    /** The clean folder's images matched to the input's by relative name, whatever their suffix. */
    private Inputs cleanFolder(List<String> names, String cleanLocation) {
        Path root = storage.qualified(cleanLocation);
        if (!storage.isDirectory(root)) {
            throw new UserException(cleanLocation + ": --clean must be a folder, as the input is");
        }
        Map<String, String> byStem = new HashMap<>();
        for (Path file : storage.filesBelow(root)) {
            if (PictureCodec.isImageName(file.getName())) {
                String name = Storage.relative(root, file);
                byStem.put(stem(name), name);
            }
        }
        List<String> matched = new ArrayList<>(names.size());
        for (String name : names) {
            String ref = byStem.get(stem(name));
            if (ref == null) {
                throw new UserException(cleanLocation + ": has no clean image for " + name + " (--clean must hold one per "
                        + "input image, by relative name; it holds " + byStem.size() + " for " + names.size() + ")");
            }
            matched.add(ref);
        }
        return new Inputs.Files(root, matched);
    }

    /** Input names with a .png suffix; two inputs that would land on one output name are refused. */
    private static List<String> outputNames(List<String> names) {
        Map<String, String> seen = new HashMap<>();
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            String png = pngName(name);
            String earlier = seen.put(png, name);
            if (earlier != null) {
                throw new UserException(name + " and " + earlier + " would both be written as " + png
                        + "; rename one of them");
            }
            out.add(png);
        }
        return out;
    }

    static String pngName(String name) {
        return stem(name) + ".png";
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash + 1 ? name.substring(0, dot) : name;
    }

    /** IDX files by the names MNIST and this tool give them: .idx or -ubyte, either with .gz. */
    static boolean isIdxName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return n.endsWith(".idx") || n.endsWith("-ubyte");
    }

    private static void requireIdxName(Path output, String shown, String what) {
        if (!isIdxName(output.getName())) {
            throw new UserException(shown + ": " + what + " is written as one IDX file; name it .idx or .idx.gz");
        }
    }

    /** Each clean reference has its input's size, read from the files' headers before any work. */
    private void requireSameSizes(Inputs.Files in, Inputs clean) {
        if (clean == in || !(clean instanceof Inputs.Files refs)) {
            return;
        }
        for (int i = 0; i < in.count(); i++) {
            int[] a = dimensions(new Path(in.root(), in.names().get(i)));
            int[] b = dimensions(new Path(refs.root(), refs.names().get(i)));
            if (a != null && b != null && (a[0] != b[0] || a[1] != b[1])) {
                throw new UserException(new Path(refs.root(), refs.names().get(i)) + ": --clean image is " + b[0] + "x"
                        + b[1] + ", its input " + in.names().get(i) + " is " + a[0] + "x" + a[1]);
            }
        }
    }

    /** An image file's height and width, or null when it cannot be read (the run names it then). */
    private int[] dimensions(Path file) {
        try (InputStream bytes = storage.open(file)) {
            return PictureCodec.dimensions(bytes);
        } catch (PictureCodec.BadImageException | IOException | UserException e) {
            return null;
        }
    }

    private void requireApart(Path input, Path output, String inputLocation, String outputLocation) {
        String in = input.toUri().toString();
        String out = output.toUri().toString();
        if (in.equals(out) || out.startsWith(in + "/") || in.startsWith(out + "/")) {
            throw new UserException(outputLocation + ": --output and --input (" + inputLocation
                    + ") are the same place or one holds the other; write the output elsewhere");
        }
    }

    private void requireAbsent(Path output, String shown) {
        if (storage.exists(output) && (!storage.isDirectory(output) || storage.list(output).length > 0)) {
            throw new UserException(shown + ": already exists; dae-sweep does not overwrite it: choose another --output "
                    + "or delete it");
        }
    }
}
