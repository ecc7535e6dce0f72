package org.daesweep.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SameDiffChatterTest {
    @Test
    void dropsOnlySameDiffsPerOpLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new SameDiffChatter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.println("Added differentiated op conv2d_1");
        out.println("trials 2/5 started");
        out.println("Added differentiated op relu");
        out.println((String) null);
        assertEquals("trials 2/5 started" + System.lineSeparator() + "null" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }
}
