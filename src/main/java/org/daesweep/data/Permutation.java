package org.daesweep.data;

import java.util.Random;

/** Index orders for splits and epochs: one Fisher-Yates shuffle, so a seed always means the same order. */
public final class Permutation {
    private Permutation() {
    }

    /** 0, 1, ..., n-1. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Shuffles {@code order} in place, uniformly, drawing from {@code random}. */
    public static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
