package org.daesweep.denoise;

import org.daesweep.data.ImageSet;
import org.daesweep.data.Mirror;
import org.daesweep.data.Picture;
import org.daesweep.model.DenoisingNetwork;
import org.daesweep.training.Denoiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a trained network to pictures of any size and colour. Each colour plane is denoised
 * alone by the grayscale network; a plane is mirror-padded up to a multiple of 2^depth (the
 * pooling levels) and cropped back. Planes of one padded size go through the network together,
 * in a graph built for that size and kept for the next pictures of it.
 */
public final class ImageDenoiser {
    /** Graphs kept for recent sizes; a folder of photos of many sizes keeps only the newest. */
    private static final int SIZES_KEPT = 8;
    private final DenoisingNetwork network;
    private final int multiple;
    private static final Logger log = LoggerFactory.getLogger(ImageDenoiser.class);
    private final Map<Long, Denoiser> bySize = new LinkedHashMap<>(16, 0.75f, true);
    private final boolean selfEnsemble;
    private boolean colourNoted;

    /** @param selfEnsemble average over the flips and quarter turns of each plane ({@link Denoiser}) */
    public ImageDenoiser(DenoisingNetwork network, boolean selfEnsemble) {
        this.network = network;
        this.multiple = 1 << network.hyperparameters().depth();
        this.selfEnsemble = selfEnsemble;
    }

    public DenoisingNetwork network() {
        return network;
    }

    /** Denoised copies of the pictures, in order; alpha and bit depth are kept. */
    public List<Picture> denoise(List<Picture> pictures) {
        if (!colourNoted && pictures.stream().anyMatch(Picture::isColour)) {
            colourNoted = true;
            log.info("colour images: each of red, green and blue is denoised alone by the grayscale model");
        }
        float[][][] out = new float[pictures.size()][][];
        Map<Long, List<int[]>> groups = new LinkedHashMap<>();
        for (int i = 0; i < pictures.size(); i++) {
            Picture p = pictures.get(i);
            out[i] = new float[p.planes().length][];
            for (int c = 0; c < p.planes().length; c++) {
                groups.computeIfAbsent(key(padded(p.height()), padded(p.width())), k -> new ArrayList<>()).add(new int[]{i, c});
            }
        }
        groups.forEach((key, members) -> denoiseGroup(pictures, members, (int) (key >> 32), (int) (long) key, out));
        List<Picture> result = new ArrayList<>(pictures.size());
        for (int i = 0; i < pictures.size(); i++) {
            result.add(pictures.get(i).withPlanes(out[i]));
        }
        return result;
    }

    private void denoiseGroup(List<Picture> pictures, List<int[]> members, int ph, int pw, float[][][] out) {
        float[] batch = new float[members.size() * ph * pw];
        for (int m = 0; m < members.size(); m++) {
            Picture p = pictures.get(members.get(m)[0]);
            float[] plane = p.planes()[members.get(m)[1]];
            System.arraycopy(Mirror.pad(plane, p.height(), p.width(), ph, pw), 0, batch, m * ph * pw, ph * pw);
        }
        ImageSet denoised = denoiser(ph, pw).denoise(new ImageSet(batch, members.size(), ph, pw));
        for (int m = 0; m < members.size(); m++) {
            Picture p = pictures.get(members.get(m)[0]);
            out[members.get(m)[0]][members.get(m)[1]] = Mirror.crop(denoised.image(m), ph, pw, p.height(), p.width());
        }
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
