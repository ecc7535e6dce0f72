package org.daesweep.denoise;

import org.daesweep.data.ImageSet;
import org.daesweep.data.Mirror;
import org.daesweep.data.OpponentColour;
import org.daesweep.data.Picture;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.model.ModelFile;
import org.daesweep.model.Topology;
import org.daesweep.model.TrainedOn;
import org.daesweep.training.Denoiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a trained network to pictures of any size and colour. A colour picture's planes are
 * first turned into its mean and two opponent differences ({@link OpponentColour}), each denoised
 * alone by the grayscale network, then turned back. A plane is mirror-padded up to a multiple of
 * 2^depth (the pooling levels), and past every edge for a model that learned from patches, then
 * cropped back. Planes of one padded size go through the network together, in a graph built for
 * that size and kept for the next pictures of it. A plane larger than
 * {@link #TILE_ABOVE_PIXELS} is cut into overlapping tiles of one size, which go through the
 * network in batches, so memory stays bounded whatever the image's size: each tile's core is
 * surrounded by a margin of at least the network's receptive radius and only the core is kept.
 */
public final class ImageDenoiser {
    /** Planes above this many pixels (1024 x 1024) are denoised in tiles. */
    static final long TILE_ABOVE_PIXELS = 1L << 20;
    /** The side of a tile, margins included: a 512x512 plane's activations, whatever the image. */
    static final int TILE_SIDE = 512;
    /** Graphs kept for recent sizes; a folder of photos of many sizes keeps only the newest. */
    private static final int SIZES_KEPT = 8;
    private static final Logger log = LoggerFactory.getLogger(ImageDenoiser.class);
    private final DenoisingNetwork network;
    private final int multiple;
    private final int tileSide;
    private final long tileAbovePixels;
    private final int margin;
    private final int border;
    private final Map<Long, Denoiser> bySize = new LinkedHashMap<>(16, 0.75f, true);
    private final boolean selfEnsemble;
    private boolean colourNoted;

    /** @param selfEnsemble average over the flips and quarter turns of each plane ({@link Denoiser}) */
    public ImageDenoiser(DenoisingNetwork network, boolean selfEnsemble) {
        this(network, selfEnsemble, false, TILE_SIDE, TILE_ABOVE_PIXELS);
    }

    /**
     * @param reflectEdges mirror each whole plane past its edges by one pooling block and crop it
     *                     back: a model trained on patches never learned an image's edge as the
     *                     zero padding it sees there, and darkens or brightens a thin frame without
     *                     this; one trained on whole images learned exactly that edge, and loses by it
     */
    public ImageDenoiser(DenoisingNetwork network, boolean selfEnsemble, boolean reflectEdges) {
        this(network, selfEnsemble, reflectEdges, TILE_SIDE, TILE_ABOVE_PIXELS);
    }

    /** The model in a model file's bytes, its edges reflected when the file says it learned from patches. */
    public static ImageDenoiser of(byte[] model, String source, boolean selfEnsemble) {
        return new ImageDenoiser(ModelFile.read(new ByteArrayInputStream(model), source), selfEnsemble, reflectsEdges(model));
    }

    /** Whether a model file's network learned from patches (an older file, which does not say, did not). */
    public static boolean reflectsEdges(byte[] model) {
        return ModelFile.trainedOn(model).map(TrainedOn::patches).orElse(false);
    }

    ImageDenoiser(DenoisingNetwork network, boolean selfEnsemble, boolean reflectEdges, int tileSide, long tileAbovePixels) {
        this.network = network;
        this.multiple = 1 << network.hyperparameters().depth();
        this.selfEnsemble = selfEnsemble;
        this.margin = padded(Topology.receptiveRadius(network.hyperparameters()));
        this.border = reflectEdges ? multiple : 0;
        this.tileSide = padded(Math.max(tileSide, 3 * margin));
        this.tileAbovePixels = tileAbovePixels;
    }

    public DenoisingNetwork network() {
        return network;
    }

    /**
     * A window of a plane, reaching past its edges by reflection: a whole plane with a border, or
     * one tile with its margin. Only the window less its inset on every side is kept.
     */
    private record Job(int picture, int plane, int top, int left, int inset) {
    }

    /** Denoised copies of the pictures, in order; alpha and bit depth are kept. */
    public List<Picture> denoise(List<Picture> originals) {
        if (!colourNoted && originals.stream().anyMatch(Picture::isColour)) {
            colourNoted = true;
            log.info("colour images: their mean and two opponent colour planes are each denoised by the grayscale model");
        }
        List<Picture> pictures = originals.stream().map(OpponentColour::forward).toList();
        float[][][] out = new float[pictures.size()][][];
        Map<Long, List<Job>> groups = new LinkedHashMap<>();
        for (int i = 0; i < pictures.size(); i++) {
            Picture p = pictures.get(i);
            out[i] = new float[p.planes().length][];
            for (int c = 0; c < p.planes().length; c++) {
                if (tiled(p)) {
                    addTiles(groups, i, c, p);
                } else {
                    groups.computeIfAbsent(key(padded(p.height() + 2 * border), padded(p.width() + 2 * border)),
                            k -> new ArrayList<>()).add(new Job(i, c, -border, -border, border));
                }
            }
        }
        groups.forEach((key, jobs) -> denoiseGroup(pictures, jobs, (int) (key >> 32), (int) (long) key, out));
        List<Picture> result = new ArrayList<>(pictures.size());
        for (int i = 0; i < pictures.size(); i++) {
            Picture denoised = pictures.get(i).withPlanes(out[i]);
            result.add(denoised.isColour() ? clipped(OpponentColour.inverse(denoised)) : denoised);
        }
        return result;
    }

    /** Colours back from opponent planes can leave [0, 1] where the network's outputs cannot. */
    private static Picture clipped(Picture p) {
        for (float[] plane : p.planes()) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = Math.min(1f, Math.max(0f, plane[i]));
            }
        }
        return p;
    }

    /** Tiles whose cores, tileSide - 2 x margin square, cover the plane; their margins reach past it by reflection. */
    private void addTiles(Map<Long, List<Job>> groups, int picture, int plane, Picture p) {
        int core = tileSide - 2 * margin;
        List<Job> tiles = groups.computeIfAbsent(key(tileSide, tileSide), k -> new ArrayList<>());
        for (int top = 0; top < p.height(); top += core) {
            for (int left = 0; left < p.width(); left += core) {
                tiles.add(new Job(picture, plane, top - margin, left - margin, margin));
            }
        }
    }

    private void denoiseGroup(List<Picture> pictures, List<Job> jobs, int ph, int pw, float[][][] out) {
        // In slices, so a 4096x4096 image's 100-odd tiles do not all sit in memory at once.
        int slice = Math.max(1, (int) (TILE_ABOVE_PIXELS / ((long) ph * pw)));
        for (int from = 0; from < jobs.size(); from += slice) {
            List<Job> part = jobs.subList(from, Math.min(jobs.size(), from + slice));
            float[] batch = new float[part.size() * ph * pw];
            for (int m = 0; m < part.size(); m++) {
                System.arraycopy(input(pictures, part.get(m), ph, pw), 0, batch, m * ph * pw, ph * pw);
            }
            ImageSet denoised = denoiser(ph, pw).denoise(new ImageSet(batch, part.size(), ph, pw));
            for (int m = 0; m < part.size(); m++) {
                place(pictures, part.get(m), denoised.image(m), ph, pw, out);
            }
        }
    }

    /** The network's input for a job: its window of the plane. */
    private static float[] input(List<Picture> pictures, Job job, int ph, int pw) {
        Picture p = pictures.get(job.picture());
        return Mirror.window(p.planes()[job.plane()], p.height(), p.width(), job.top(), job.left(), ph, pw);
    }

    /** The window's output less its inset, copied into its place in the plane. */
    private static void place(List<Picture> pictures, Job job, float[] denoised, int ph, int pw, float[][][] out) {
        Picture p = pictures.get(job.picture());
        float[][] planes = out[job.picture()];
        if (planes[job.plane()] == null) {
            planes[job.plane()] = new float[p.height() * p.width()];
        }
        float[] target = planes[job.plane()];
        int top = job.top() + job.inset();
        int left = job.left() + job.inset();
        int rows = Math.min(ph - 2 * job.inset(), p.height() - top);
        int cols = Math.min(pw - 2 * job.inset(), p.width() - left);
        for (int y = 0; y < rows; y++) {
            System.arraycopy(denoised, (y + job.inset()) * pw + job.inset(), target, (top + y) * p.width() + left, cols);
        }
    }

    private boolean tiled(Picture p) {
        return (long) padded(p.height()) * padded(p.width()) > tileAbovePixels;
    }

    private Denoiser denoiser(int ph, int pw) {
        long key = key(ph, pw);
        Denoiser d = bySize.get(key);
        if (d == null) {
            if (bySize.size() >= SIZES_KEPT) {
                Long eldest = bySize.keySet().iterator().next();
                bySize.remove(eldest).network().releasePlans();
            }
            d = new Denoiser(network.atSize(ph, pw), selfEnsemble);
            bySize.put(key, d);
        }
        return d;
    }

    private int padded(int side) {
        return (side + multiple - 1) / multiple * multiple;
    }

    private static long key(int h, int w) {
        return ((long) h << 32) | (w & 0xffffffffL);
    }
}
