package org.daesweep.runtime;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeRuntimeTest {
    @Test
    void hugePagesAreOnOnlyWhenTheTunableSaysSo() {
        assertTrue(NativeRuntime.hugePagesEnabled("glibc.malloc.hugetlb=1"));
        assertTrue(NativeRuntime.hugePagesEnabled("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"));
        assertFalse(NativeRuntime.hugePagesEnabled(null));
        assertFalse(NativeRuntime.hugePagesEnabled(""));
        assertFalse(NativeRuntime.hugePagesEnabled("glibc.malloc.hugetlb=0"));
        assertFalse(NativeRuntime.hugePagesEnabled("glibc.malloc.hugetlb=10"));
    }

    @Test
    void sessionsFreeTheArraysTheyReleaseAtOnce() {
        NativeRuntime.prepare();
        // The memory manager SameDiff gives every session reads the switch under this name.
        assertFalse(new ArrayCacheMemoryMgr().isEnableCache());
    }
}
