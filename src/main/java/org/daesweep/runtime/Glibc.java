package org.daesweep.runtime;

import com.sun.jna.NativeLibrary;

import java.util.OptionalInt;
import java.util.Arrays;

/**
 * glibc's malloc controls, called through JNA. They matter only on Linux with glibc; elsewhere
 * (macOS, musl) the calls do nothing and report so, and training still works, only slower.
 */
public final class Glibc {
    private Glibc() {
    }

    public static boolean onLinux() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux");
    }

    /** Calls a C library function that takes and returns ints; empty where there is no such function. */
    public static OptionalInt call(String function, int... args) {
        if (!onLinux()) {
            return OptionalInt.empty();
        }
        try {
            Object[] boxed = Arrays.stream(args).boxed().toArray();
            return OptionalInt.of(NativeLibrary.getInstance("c").getFunction(function).invokeInt(boxed));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
