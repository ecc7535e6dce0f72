package org.daesweep.data;

import org.daesweep.UserException;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.io.InputStream;

/**
 * Image files through ImageIO: whatever it reads (PNG, JPEG, BMP, GIF, TIFF, WBMP) becomes a
 * {@link Picture} from the raw samples, with no colour-space conversion, so a gray PNG's values
 * are the file's values /255 (or /65535 at 16 bits), and a 32-bit float TIFF's are its values. Pictures are written in the format their
 * file's name says.
 */
public final class PictureCodec {
    /** 4096 x 4096: an image's planes and the network's activations for it must fit one JVM. */
    public static final long MAX_PIXELS = 1L << 24;
    private static final Set<String> SUFFIXES = suffixes();
    /** The suffixes written, and ImageIO's format for each. */
    private static final Map<String, String> WRITERS = new TreeMap<>(Map.of("png", "png", "jpg", "jpeg", "jpeg", "jpeg",
            "bmp", "bmp", "tif", "tiff", "tiff", "tiff"));
    /** High enough that the format's own artefacts stay below what denoising removed. */
    private static final float JPEG_QUALITY = 0.95f;

    private PictureCodec() {
    }

    /** Whether a file's name says it is an image ImageIO can read (by its suffix, case-insensitive). */
    public static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && SUFFIXES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The suffixes ImageIO reads here, for messages. */
    public static String suffixList() {
        return String.join(", ", SUFFIXES);
    }

    /**
     * @throws BadImageException when the bytes are not an image ImageIO reads, or the decoder
     *                           warned (a truncated JPEG decodes with a gray tail and a warning)
     */
    public static Picture decode(byte[] bytes) throws BadImageException {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BadImageException("not an image format ImageIO reads");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new BadImageException(reader.getWidth(0) + "x" + reader.getHeight(0) + " is more than the "
                            + MAX_PIXELS + " pixels an image may have");
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
            if (!warnings.isEmpty()) {
                throw new BadImageException(warnings.get(0));
            }
        } catch (IIOException e) {
            throw new BadImageException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders throw unchecked exceptions on damaged data too
            throw new BadImageException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return fromImage(image);
    }

    /**
     * An image file's height and width from its header, without decoding its pixels.
     *
     * @throws BadImageException when the bytes are not an image ImageIO reads
     */
    public static int[] dimensions(InputStream bytes) throws BadImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BadImageException("not an image format ImageIO reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[]{reader.getHeight(0), reader.getWidth(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new BadImageException(UserException.firstLine(e));
        }
    }

    static Picture fromImage(BufferedImage image) throws BadImageException {
        ColorModel cm = image.getColorModel();
        int h = image.getHeight();
        int w = image.getWidth();
        if (cm instanceof IndexColorModel palette) {
            return fromPalette(image, palette, h, w);
        }
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int colours = cm.getNumColorComponents();
        if (colours != 1 && colours != 3) {
            throw new BadImageException(colours + " colour components (only gray and RGB are denoised)");
        }
        int bits = cm.getComponentSize(0);
        boolean floats = raster.getDataBuffer().getDataType() == DataBuffer.TYPE_FLOAT;
        if (floats ? bits != Picture.FLOAT : bits != 8 && bits != 16) {
            throw new BadImageException(bits + "-bit samples (8- and 16-bit integers and 32-bit floats are read)");
        }
        // Floats are taken as they are: the literature's noisy images lie partly outside [0,1].
        float max = floats ? 1 : (1 << bits) - 1;
        float[][] planes = new float[colours][];
        for (int b = 0; b < colours; b++) {
            planes[b] = samples(raster, b, h, w, max);
        }
        float[] alpha = cm.hasAlpha() && bands > colours ? samples(raster, colours, h, w, max) : null;
        return new Picture(h, w, planes, alpha, bits);
    }

    private static float[] samples(Raster raster, int band, int h, int w, float max) {
        float[] out = raster.getSamples(raster.getMinX(), raster.getMinY(), w, h, band, (float[]) null);
        for (int i = 0; i < out.length; i++) {
            out[i] /= max;
        }
        return out;
    }

    /** A palette image's colours, looked up; a palette of grays gives a gray picture. */
    private static Picture fromPalette(BufferedImage image, IndexColorModel palette, int h, int w) {
        boolean gray = true;
        for (int i = 0; i < palette.getMapSize() && gray; i++) {
            gray = palette.getRed(i) == palette.getGreen(i) && palette.getGreen(i) == palette.getBlue(i);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[][] planes = new float[gray ? 1 : 3][h * w];
        float[] alpha = palette.hasAlpha() ? new float[h * w] : null;
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            for (int c = 0; c < planes.length; c++) {
                planes[c][i] = ((p >> (16 - 8 * c)) & 0xff) / 255f;
            }
            if (alpha != null) {
                alpha[i] = (p >>> 24) / 255f;
            }
        }
        return new Picture(h, w, planes, alpha, 8);
    }

    /** The picture as a PNG of its own depth, gray or RGB, with its alpha. */
    public static byte[] png(Picture picture) {
        return write(picture, "png");
    }

    /** Whether a file of this name can be written, by its suffix: PNG, JPEG, BMP or TIFF. */
    public static boolean isWritableName(String name) {
        return WRITERS.containsKey(suffix(name));
    }

    /** The suffixes {@link #encode} writes, for messages. */
    public static String writableList() {
        return String.join(", ", WRITERS.keySet());
    }

    /**
     * The picture in the format its file name's suffix says: PNG and TIFF at the picture's depth
     * with its alpha; JPEG (quality 0.95) and BMP at 8 bits without alpha, which they cannot hold.
     */
    public static byte[] encode(Picture picture, String fileName) {
        String format = WRITERS.get(suffix(fileName));
        if (format == null) {
            throw new IllegalArgumentException(fileName + ": not a name of a format written here (" + writableList() + ")");
        }
        return write(picture, format);
    }

    /** The picture in one of ImageIO's formats: png, tiff, jpeg or bmp. */
    private static byte[] write(Picture picture, String format) {
        boolean full = format.equals("png") || format.equals("tiff");
        // A float picture is written at 16 bits, clipped to [0,1]: what image viewers show.
        BufferedImage image = image(picture, full && picture.alpha() != null,
                full ? Math.min(16, picture.bitDepth()) : 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage image(Picture picture, boolean hasAlpha, int bits) {
        ColorSpace space = ColorSpace.getInstance(picture.isColour() ? ColorSpace.CS_sRGB : ColorSpace.CS_GRAY);
        ComponentColorModel cm = new ComponentColorModel(space, hasAlpha, false,
                hasAlpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bits == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(picture.width(), picture.height());
        int max = (1 << bits) - 1;
        float[][] planes = picture.planes();
        for (int b = 0; b < planes.length; b++) {
            raster.setSamples(0, 0, picture.width(), picture.height(), b, quantise(planes[b], max));
        }
        if (hasAlpha) {
            raster.setSamples(0, 0, picture.width(), picture.height(), planes.length, quantise(picture.alpha(), max));
        }
        return new BufferedImage(cm, raster, false, null);
    }

    private static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static int[] quantise(float[] values, int max) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(Math.min(1f, Math.max(0f, values[i])) * max);
        }
        return out;
    }

    private static Set<String> suffixes() {
        Set<String> s = new TreeSet<>();
        for (String suffix : ImageIO.getReaderFileSuffixes()) {
            if (!suffix.isEmpty()) {
                s.add(suffix.toLowerCase(Locale.ROOT));
            }
        }
        return s;
    }

    /** An image file that cannot be decoded; the message says why, for the skipped-files summary. */
    public static final class BadImageException extends Exception {
        public BadImageException(String message) {
            super(message);
        }
    }
}
