package org.daesweep.training;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Caps the threads ND4J uses per op (OpenMP, its own thread pool, OpenBLAS). Trials run as
 * parallel tasks in one executor JVM, so each must use only the cores its task slot owns:
 * oversubscribed OpenMP threads slow training by 10x on this kind of machine.
 */
public final class NativeThreads {
    private static volatile int configured = -1;

    private NativeThreads() {
    }

    public static synchronized void configure(int threads) {
        if (configured == threads) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        configured = threads;
    }
}
