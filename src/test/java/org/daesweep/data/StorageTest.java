package org.daesweep.data;

import org.apache.hadoop.conf.Configuration;
import org.daesweep.UserException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store that cannot be used is one line naming the path and what to do, before any work. */
class StorageTest {
    @Test
    void anUnknownSchemeIsNamed() {
        Storage storage = Storage.standalone();
        UserException e = assertThrows(UserException.class,
                () -> storage.requireReachable(storage.path("s4a://bucket/images")));
        assertTrue(e.getMessage().startsWith("s4a://bucket/images: no file system serves the scheme 's4a'"), e.getMessage());
    }

    @Test
    void aMissingConnectorNamesThePackageToAdd() {
        // Hadoop's own lookup, with the S3A class named as a cluster without hadoop-aws would lack it.
        Storage storage = Storage.standalone().with(Map.of("fs.s3a.impl", "org.apache.hadoop.fs.s3a.NotHere"));
        UserException e = assertThrows(UserException.class,
                () -> storage.requireReachable(storage.path("s3a://bucket/results")));
        assertTrue(e.getMessage().startsWith("s3a://bucket/results: the connector for 's3a' is not on the classpath"),
                e.getMessage());
        assertTrue(e.getMessage().contains("--packages " + FileSystemProblem.S3A_PACKAGE), e.getMessage());
    }

    @Test
    void anEndpointThatDoesNotAnswerIsOneLine() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Storage storage = new Storage(new Configuration()).with(Map.of("fs.s3a.endpoint", "http://127.0.0.1:" + closed,
                "fs.s3a.path.style.access", "true", "fs.s3a.access.key", "k", "fs.s3a.secret.key", "s"));
        UserException e = assertThrows(UserException.class,
                () -> storage.requireReachable(storage.path("s3a://bucket/conf/my.conf")));
        assertTrue(e.getMessage().startsWith("s3a://bucket/conf/my.conf: cannot reach its store ("), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aLocalPathNeedsNoProbe() {
        Storage storage = Storage.standalone();
        storage.requireReachable(storage.path("no/such/dir/yet"));
    }
}
