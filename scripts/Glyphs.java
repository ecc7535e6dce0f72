import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.daesweep.data.IdxWriter;
import org.daesweep.data.Storage;

/**
 * A set of 28x28 grayscale glyphs that are not digits, for checking that a configuration's
 * defaults travel: letters and signs (no digits) from every TrueType font on the machine, each drawn
 * white on black at a random size, shift and slant, anti-aliased, written as a gzipped IDX file
 * like MNIST's by the project's own IdxWriter. Run with the JDK's source launcher on the built
 * classpath (scripts/other-sets.sh does):
 *   java -cp "target/classes:$(cat target/classpath.txt)" scripts/Glyphs.java OUT.gz [count] [seed] [font folder]
 */
public final class Glyphs {
    private static final int SIDE = 28;
    private static final String CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz&@#%?$";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java scripts/Glyphs.java OUT.gz [count] [seed] [font folder]");
            System.exit(2);
        }
        String out = args[0];
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        Path fontFolder = Path.of(args.length > 3 ? args[3] : "/usr/share/fonts");
        List<Font> fonts = fonts(fontFolder);
        if (fonts.isEmpty()) {
            System.err.println("glyphs: no TrueType font under " + fontFolder);
            System.exit(2);
        }
        Random random = new Random(seed);
        Storage storage = Storage.standalone();
        storage.writeAtomically(storage.path(out), stream -> {
            IdxWriter idx = new IdxWriter(stream, true, count, SIDE, SIDE);
            for (int i = 0; i < count; i++) {
                Font font = fonts.get(random.nextInt(fonts.size()));
                char c = CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
                idx.write(draw(font, c, random));
            }
            idx.finish();
        });
        System.out.printf("glyphs: %d images from %d fonts -> %s%n", count, fonts.size(), out);
    }

    private static List<Font> fonts(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Font> fonts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().toLowerCase().endsWith(".ttf")).sorted().toList()) {
                try {
                    fonts.add(Font.createFont(Font.TRUETYPE_FONT, file.toFile()));
                } catch (java.awt.FontFormatException e) {
                    System.err.println("glyphs: skipping " + file + ": " + e.getMessage());
                }
            }
        }
        return fonts;
    }

    /** One glyph filling 55-90% of the square, slanted up to 12 degrees, its centre shifted up to 2 pixels. */
    private static float[] draw(Font font, char c, Random random) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        GlyphVector glyph = font.deriveFont(100f).createGlyphVector(g.getFontRenderContext(), String.valueOf(c));
        Rectangle2D bounds = glyph.getVisualBounds();
        double scale = SIDE * (0.55 + 0.35 * random.nextDouble()) / Math.max(bounds.getWidth(), bounds.getHeight());
        AffineTransform at = new AffineTransform();
        at.translate(SIDE / 2.0 + 2 * (2 * random.nextDouble() - 1), SIDE / 2.0 + 2 * (2 * random.nextDouble() - 1));
        at.rotate(Math.toRadians(12 * (2 * random.nextDouble() - 1)));
        at.scale(scale, scale);
        at.translate(-bounds.getCenterX(), -bounds.getCenterY());
        g.setColor(java.awt.Color.WHITE);
        g.fill(at.createTransformedShape(glyph.getOutline()));
        g.dispose();
        float[] pixels = image.getRaster().getSamples(0, 0, SIDE, SIDE, 0, new float[SIDE * SIDE]);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] /= 255f;
        }
        return pixels;
    }
}
