package org.daesweep.runtime;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import java.util.TreeSet;
import java.nio.file.Files;
import java.io.IOException;
import java.util.Set;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

/**
 * Sets up ND4J's native side the way dae-sweep needs it, in every JVM that trains or predicts
 * (driver, executors, tests, benchmarks). docs/DESIGN.md says why each setting.
 */
public final class NativeRuntime {
    /** JavaCPP's switch between the libnd4j builds shipped in the jar. */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** libnd4j built with oneDNN: 5-8x faster convolutions than the plain build, on any x86-64. */
    static final String DEFAULT_EXTENSION = "-onednn";

    private static final String MALLOPT = "mallopt";
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;
    /**
     * glibc gives each allocating thread an arena, up to 8 per core, and each keeps its own free
     * memory (up to the trim threshold below): on a sweep of wide trials the JVM outgrew 24 GB.
     */
    private static final int ARENAS = 2;

    /**
     * glibc's switch for transparent huge pages on malloc's memory. Buffers over the mmap
     * threshold (32 MB at most: a 128x84x28x28 float activation and up) are mmapped afresh
     * for every op, and with 4 KB pages faulting them in costs more than the op itself.
     * glibc reads it only at process start, so it has to be
     * in the environment of every JVM that trains: the scripts, the Docker image and the
     * Surefire configuration set it, and the driver passes it to executors as
     * spark.executorEnv.
     */
    public static final String MALLOC_TUNABLES_VARIABLE = "GLIBC_TUNABLES";
    public static final String HUGE_PAGES_TUNABLE = "glibc.malloc.hugetlb=1";

    /**
     * SameDiff's switch (1.0.0-M2.1) for the array cache of its sessions. {@code fit} creates a
     * training session per batch and drops it, cache and all, so every array a step released
     * stayed allocated until the garbage collector found the session, and steps wrote into fresh
     * pages. Without the cache a released array is freed at once and malloc hands its memory to
     * the next op.
     */
    static final String SESSION_CACHE_PROPERTY = "org.nd4j.autodiff.samediff";

    private static boolean prepared;
    private static int threads = -1;

    private NativeRuntime() {
    }

    /**
     * Must run before the first ND4J class loads. Chooses the oneDNN build unless the user chose
     * one (-Dorg.bytedeco.javacpp.platform.extension=..., empty for the plain build), turns off
     * SameDiff's per-session array cache unless the user set it, and keeps glibc from returning
     * large buffers to the OS: libnd4j and oneDNN allocate fresh 1-30 MB buffers for every op,
     * and with glibc's defaults each one is a new mmap whose page faults cost more than the
     * convolution itself (+30% training, +25% inference speed).
     */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        defaultProperty(EXTENSION_PROPERTY, DEFAULT_EXTENSION);
        defaultProperty(SESSION_CACHE_PROPERTY, "false");
        tuneMalloc();
        SameDiffChatter.silence();
        prepared = true;
    }

    /**
     * What a speed figure depends on, for benchmark rows: the CPU's model, its vector extensions
     * (AVX-512 or not changes the ratio to other frameworks) and the libnd4j build loaded.
     */
    public static String describeMachine() {
        String model = "?";
        Set<String> vectors = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name") && model.equals("?")) {
                    model = line.substring(line.indexOf(':') + 1).strip();
                } else if (line.startsWith("flags")) {
                    for (String flag : line.substring(line.indexOf(':') + 1).strip().split(" ")) {
                        if (flag.matches("avx2|avx512f|avx512_bf16|avx512_vnni|amx_.*|fma")) {
                            vectors.add(flag);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // not Linux: the model stays unknown
        }
        String build = System.getProperty(EXTENSION_PROPERTY, "");
        return "cpu=\"" + model + "\" vectors=" + (vectors.isEmpty() ? "none" : String.join(",", vectors))
                + " libnd4j=" + (build.isEmpty() ? "plain" : build.substring(1));
    }

    /** A user's -D setting wins over ours. */
    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /**
     * Caps the threads ND4J uses per op (OpenMP, its own pool, OpenBLAS) for ops that the calling
     * thread runs. Parallel trials share one executor JVM, so each must use only the cores its
     * task slot owns: oversubscribed OpenMP threads slow training by 10x on this kind of machine.
     * OpenMP's thread count is a per-thread setting, and every Spark task runs on a thread of its
     * own, so this must be called on the thread that trains, not once per JVM: set once on the
     * driver thread, tasks ran with one OpenMP thread per core each, and two task slots gave
     * 1.05x the trials/hour of one.
     */
    public static synchronized void configure(int threadCount) {
        prepare();
        Nd4j.getBackend(); // loads libnd4j before its native ops are called directly
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threadCount);
        if (threads == threadCount) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(threadCount);
        Nd4j.getEnvironment().setMaxMasterThreads(threadCount);
        Nd4j.factory().blas().setMaxThreads(threadCount);
        threads = threadCount;
    }

    private static void tuneMalloc() {
        if (!Glibc.onLinux()) {
            return;
        }
        boolean tuned = Glibc.call(MALLOPT, M_MMAP_THRESHOLD, 32 << 20).isPresent()
                && Glibc.call(MALLOPT, M_TRIM_THRESHOLD, 1 << 30).isPresent()
                && Glibc.call(MALLOPT, M_TOP_PAD, 256 << 20).isPresent()
                && Glibc.call(MALLOPT, M_ARENA_MAX, ARENAS).isPresent();
        if (!tuned) {
            LoggerFactory.getLogger(NativeRuntime.class).warn("could not tune malloc: the C library "
                    + "has no mallopt (not glibc?); training works, only slower");
            return;
        }
        if (!hugePagesEnabled(System.getenv(MALLOC_TUNABLES_VARIABLE))) {
            LoggerFactory.getLogger(NativeRuntime.class).warn("{} does not contain {}: models whose "
                    + "activations exceed 32 MB (e.g. 128 filters at 28x28, batch 128) train several times slower. "
                    + "Set it in the environment of the JVM that trains (see docs/CLUSTER.md).",
                    MALLOC_TUNABLES_VARIABLE, HUGE_PAGES_TUNABLE);
        }
    }

    /** Whether a GLIBC_TUNABLES value (colon-separated name=value pairs, may be null) turns huge pages on. */
    static boolean hugePagesEnabled(String tunables) {
        return tunables != null && Arrays.asList(tunables.split(":")).contains(HUGE_PAGES_TUNABLE);
    }
}
