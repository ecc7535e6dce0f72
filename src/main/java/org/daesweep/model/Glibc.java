package org.daesweep.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Structure;

import java.util.OptionalInt;
import java.util.OptionalLong;

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
            Object[] boxed = java.util.Arrays.stream(args).boxed().toArray();
            return OptionalInt.of(NativeLibrary.getInstance("c").getFunction(function).invokeInt(boxed));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Bytes malloc has handed out and not had back: chunks in use in its arenas plus the ones it
     * mmapped, from glibc's {@code mallinfo2} (glibc 2.33 and later). Unlike the resident set it
     * leaves out the Java heap, the JVM's code and the libraries, and the free memory malloc
     * keeps. Empty where there is no such function.
     */
    public static OptionalLong mallocInUse() {
        if (MallInfo.FUNCTION == null) {
            return OptionalLong.empty();
        }
        try {
            MallInfo info = (MallInfo) MallInfo.FUNCTION.invoke(MallInfo.class, new Object[0]);
            return OptionalLong.of(info.uordblks + info.hblkhd);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** glibc's {@code struct mallinfo2}, returned by value: ten {@code size_t} fields. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
            "keepcost"})
    public static final class MallInfo extends Structure implements Structure.ByValue {
        private static final Function FUNCTION = lookUp();
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        /** Bytes in chunks malloc mmapped. */
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        /** Bytes in chunks in use in the arenas. */
        public long uordblks;
        public long fordblks;
        public long keepcost;

        private static Function lookUp() {
            if (!onLinux()) {
                return null;
            }
            try {
                return NativeLibrary.getInstance("c").getFunction("mallinfo2");
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return null;
            }
        }
    }
}
