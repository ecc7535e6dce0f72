package org.daesweep;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server on loopback: S3Proxy with its in-memory store (flat keys, as S3
 * has), started as a child JVM from the jar the build copies to {@code target/test-servers}.
 * Its secret key is fresh each time, so a test can look for it anywhere it must not be.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "dae-sweep-test";
    private static final Path JAR = Path.of("target", "test-servers", "s3proxy.jar");
    private final Process process;
    private final int port;
    private final String secret = "s3cr3t-" + UUID.randomUUID();

    private S3Server(Path dir) throws IOException, InterruptedException {
        port = freePort();
        Path properties = Files.writeString(dir.resolve("s3proxy.properties"), """
                s3proxy.endpoint=http://127.0.0.1:%d
                s3proxy.authorization=aws-v2-or-v4
                s3proxy.identity=%s
                s3proxy.credential=%s
                jclouds.provider=transient
                jclouds.identity=%s
                jclouds.credential=%s
                """.formatted(port, ACCESS_KEY, secret, ACCESS_KEY, secret));
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        awaitListening(dir.resolve("s3proxy.log"));
    }

    public static S3Server start(Path dir) throws IOException, InterruptedException {
        return new S3Server(dir);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String secret() {
        return secret;
    }

    /** What S3A needs to reach this server, by Hadoop's names. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fs.s3a.endpoint", endpoint());
        s.put("fs.s3a.path.style.access", "true");
        s.put("fs.s3a.connection.ssl.enabled", "false");
        s.put("fs.s3a.access.key", ACCESS_KEY);
        s.put("fs.s3a.secret.key", secret);
        return s;
    }

    public Configuration hadoop() {
        Configuration conf = new Configuration();
        settings().forEach(conf::set);
        return conf;
    }

    public void createBucket(String name) {
        AmazonS3 s3 = AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint(), "us-east-1"))
                .withPathStyleAccessEnabled(true)
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY, secret)))
                .build();
        try {
            s3.createBucket(name);
        } finally {
            s3.shutdown();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy ended at its start:\n" + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen within 60 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
