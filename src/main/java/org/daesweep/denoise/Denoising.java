package org.daesweep.denoise;

import org.daesweep.data.Storage;

import java.util.List;

/** Runs a request in this JVM, streaming: one share covering every input. */
public final class Denoising {
    private Denoising() {
    }

    public static List<ShareResult> runHere(DenoiseRequest request, ImageDenoiser denoiser, Storage storage) {
        try {
            ShareResult result = ShareRunner.run(request, denoiser, storage, 0, 0, request.count());
            request.finish(storage, 1);
            return List.of(result);
        } catch (RuntimeException e) {
            request.abandon(storage);
            throw e;
        }
    }

    /** {@code shares} ranges that split {@code count} inputs as evenly as can be, in order. */
    public static int[] boundaries(int count, int shares) {
        int[] b = new int[shares + 1];
        for (int s = 0; s <= shares; s++) {
            b[s] = (int) ((long) count * s / shares);
        }
        return b;
    }
}
