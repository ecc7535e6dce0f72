// Input files for scripts/denoise-bench.sh, made from the MNIST test set with the JDK alone:
//   java scripts/dev/BenchImages.java idx  MNIST.gz COPIES OUT.idx   (the set repeated COPIES times)
//   java scripts/dev/BenchImages.java png  MNIST.gz COUNT  OUT_DIR   (the first COUNT digits as PNGs)
//   java scripts/dev/BenchImages.java big  MNIST.gz COUNT  OUT_DIR   (256x256 PNGs, 81 digits tiled each)
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

public class BenchImages {
    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int n;
        int h;
        int w;
        byte[] pixels;
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(Path.of(args[1]))))) {
            in.readInt();
            n = in.readInt();
            h = in.readInt();
            w = in.readInt();
            pixels = in.readNBytes(n * h * w);
        }
        int k = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        switch (mode) {
            case "idx" -> {
                try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(out))) {
                    o.writeInt(0x803);
                    o.writeInt(n * k);
                    o.writeInt(h);
                    o.writeInt(w);
                    for (int c = 0; c < k; c++) {
                        o.write(pixels);
                    }
                }
            }
            case "png" -> {
                for (int i = 0; i < k; i++) {
                    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                    image.getRaster().setDataElements(0, 0, w, h, java.util.Arrays.copyOfRange(pixels, i * h * w, (i + 1) * h * w));
                    write(image, out.resolve(String.format("%03d/%05d.png", i / 1000, i)));
                }
            }
            case "big" -> {
                int side = 256;
                int per = side / h;
                for (int i = 0; i < k; i++) {
                    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
                    for (int t = 0; t < per * per; t++) {
                        int digit = (i * per * per + t) % n;
                        byte[] tile = java.util.Arrays.copyOfRange(pixels, digit * h * w, (digit + 1) * h * w);
                        image.getRaster().setDataElements((t % per) * w, (t / per) * h, w, h, tile);
                    }
                    write(image, out.resolve(String.format("%05d.png", i)));
                }
            }
            default -> throw new IllegalArgumentException("mode: idx, png or big");
        }
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
