import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.daesweep.data.IdxWriter;
import org.daesweep.data.Storage;

/**
 * A set of 28x28 grayscale patches of photographs, for checking a configuration on images with
 * no upright pose and no black background (textures, faces, cells, the sky): each patch is a
 * random square of a random photo, 28 to 112 pixels wide, scaled to 28x28, in the photo's gray
 * levels. Patches that are all but flat (standard deviation under 0.03) are drawn again, as a
 * flat patch says nothing about a denoiser. Written as a gzipped IDX file like MNIST's. Run with
 * the JDK's source launcher on the built classpath (scripts/other-sets.sh does):
 *   java -cp "target/classes:$(cat target/classpath.txt)" scripts/Patches.java OUT.gz count seed PHOTO...
 */
public final class Patches {
    private static final int SIDE = 28;
    private static final int MAX_SCALE = 4;
    private static final double FLAT = 0.03;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java scripts/Patches.java OUT.gz count seed PHOTO...");
            System.exit(2);
        }
        String out = args[0];
        int count = Integer.parseInt(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        List<BufferedImage> photos = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            BufferedImage photo = ImageIO.read(Path.of(args[i]).toFile());
            if (photo == null || Math.min(photo.getWidth(), photo.getHeight()) < SIDE * MAX_SCALE) {
                System.err.println("patches: skipping " + args[i] + ": not an image of at least "
                        + SIDE * MAX_SCALE + " pixels a side");
                continue;
            }
            photos.add(gray(photo));
        }
        if (photos.isEmpty()) {
            System.err.println("patches: no photo to cut patches from");
            System.exit(2);
        }
        Storage storage = Storage.standalone();
        storage.writeAtomically(storage.path(out), stream -> {
            IdxWriter idx = new IdxWriter(stream, true, count, SIDE, SIDE);
            for (int i = 0; i < count; i++) {
                float[] patch;
                do {
                    patch = cut(photos.get(random.nextInt(photos.size())), random);
                } while (deviation(patch) < FLAT);
                idx.write(patch);
            }
            idx.finish();
        });
        System.out.printf("patches: %d images from %d photos -> %s%n", count, photos.size(), out);
    }

    /**
     * The photo's gray levels (a gray photo's stored ones, a colour one's luma), in all three
     * channels of an RGB image: Java's own conversions treat gray as linear light and would
     * brighten or darken the levels, its RGB paths leave them as they are.
     */
    private static BufferedImage gray(BufferedImage photo) {
        boolean stored = photo.getRaster().getNumBands() == 1 && photo.getColorModel().getPixelSize() == 8;
        BufferedImage gray = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                int level;
                if (stored) {
                    level = photo.getRaster().getSample(x, y, 0);
                } else {
                    int rgb = photo.getRGB(x, y);
                    level = (int) Math.round(0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff));
                }
                gray.setRGB(x, y, level << 16 | level << 8 | level);
            }
        }
        return gray;
    }

    private static float[] cut(BufferedImage photo, Random random) {
        int side = SIDE + random.nextInt(SIDE * (MAX_SCALE - 1) + 1);
        int x = random.nextInt(photo.getWidth() - side + 1);
        int y = random.nextInt(photo.getHeight() - side + 1);
        // Area averaging, so a patch shrunk 4x holds no aliasing that would pass for noise.
        Image scaled = photo.getSubimage(x, y, side, side).getScaledInstance(SIDE, SIDE, Image.SCALE_AREA_AVERAGING);
        BufferedImage patch = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = patch.createGraphics();
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        float[] pixels = patch.getRaster().getSamples(0, 0, SIDE, SIDE, 0, new float[SIDE * SIDE]);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] /= 255f;
        }
        return pixels;
    }

    private static double deviation(float[] pixels) {
        double sum = 0;
        double squares = 0;
        for (float v : pixels) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / pixels.length;
        return Math.sqrt(Math.max(0, squares / pixels.length - mean * mean));
    }
}
