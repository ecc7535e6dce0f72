package org.daesweep;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserExceptionTest {
    @Test
    void aWrappedLibraryErrorNamesItsInnermostCauseInOneLine() {
        var missing = new ClassNotFoundException("Class org.apache.hadoop.net.StaticMapping not found");
        var wrapped = new IllegalStateException("External scheduler cannot be instantiated\n\tat somewhere",
                new RuntimeException("java.lang.ClassNotFoundException: ...", missing));
        assertEquals("External scheduler cannot be instantiated (ClassNotFoundException: Class "
                + "org.apache.hadoop.net.StaticMapping not found)", UserException.firstLineAndRoot(wrapped));
    }

    @Test
    void anUnwrappedErrorIsItsFirstLine() {
        assertEquals("disk full", UserException.firstLineAndRoot(new IOException("disk full\nmore")));
    }
}
