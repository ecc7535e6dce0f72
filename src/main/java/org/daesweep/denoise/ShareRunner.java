package org.daesweep.denoise;

import org.daesweep.data.ImageSet;
import org.daesweep.data.Picture;
import org.daesweep.data.Storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Denoises one share of the inputs (all of them when run locally, a range of them in a Spark
 * task), a chunk at a time: read, add noise if asked, denoise, write, score. Memory stays bounded
 * by the chunk, whatever the input's length.
 */
public final class ShareRunner {
    /** Items read, denoised and written together: large enough for full batches, small enough for any JVM. */
    static final int CHUNK = 512;

    private ShareRunner() {
    }

    public static ShareResult run(DenoiseRequest request, ImageDenoiser denoiser, Storage storage,
                                  int share, int from, int to) {
        List<ImageScore> scores = new ArrayList<>();
        List<ShareResult.Skipped> skipped = new ArrayList<>();
        int denoised = 0;
        boolean selfReference = request.clean() == request.input();
        try (Inputs.Stream in = request.input().open(storage, from, to);
             Inputs.Stream ref = request.clean() == null || selfReference ? null : request.clean().open(storage, from, to);
             Outputs.Sink sink = request.output().open(storage, share)) {
            for (List<Item> items = in.next(CHUNK); !items.isEmpty(); items = in.next(CHUNK)) {
                List<Item> refs = selfReference ? items : ref == null ? null : ref.next(items.size());
                List<Item> kept = new ArrayList<>();
                List<Picture> noisy = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    Item item = items.get(i);
                    String problem = problem(item, refs == null ? null : refs.get(i));
                    if (problem != null) {
                        skipped.add(new ShareResult.Skipped(item.name(), problem));
                        continue;
                    }
                    kept.add(item);
                    noisy.add(request.noise() == null ? item.picture() : addNoise(request, item));
                }
                List<Picture> out = denoiser.denoise(noisy);
                for (int i = 0; i < kept.size(); i++) {
                    Item item = kept.get(i);
                    sink.write(item, out.get(i));
                    if (refs != null) {
                        Picture clean = refs.get(item.index() - items.get(0).index()).picture();
                        scores.add(ImageScore.of(item, noisy.get(i), out.get(i), clean));
                    }
                }
                denoised += kept.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ShareResult(share, denoised, scores, skipped);
    }

    /** Why an item cannot be denoised or scored, or null when it can. */
    private static String problem(Item item, Item clean) {
        if (!item.ok()) {
            return item.problem();
        }
        if (clean == null) {
            return null;
        }
        if (!clean.ok()) {
            return "its clean reference " + clean.name() + ": " + clean.problem();
        }
        Picture p = item.picture();
        Picture c = clean.picture();
        if (p.height() != c.height() || p.width() != c.width() || p.planes().length != c.planes().length) {
            return "is " + describe(p) + ", its clean reference " + clean.name() + " is " + describe(c);
        }
        return null;
    }

    private static String describe(Picture p) {
        return p.height() + "x" + p.width() + (p.isColour() ? " colour" : " gray");
    }

    /** Each plane gets its own seed from the image's position, so the noise does not depend on how inputs are shared out. */
    private static Picture addNoise(DenoiseRequest request, Item item) {
        Picture p = item.picture();
        float[][] planes = new float[p.planes().length][];
        for (int c = 0; c < planes.length; c++) {
            long seed = request.noiseSeed() + 4L * item.index() + c;
            planes[c] = request.noise().apply(new ImageSet(p.planes()[c], 1, p.height(), p.width()), seed).pixels();
        }
        return p.withPlanes(planes);
    }
}
