import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * HDFS and YARN on this machine, in this JVM and apart from every client: a MiniDFSCluster (one
 * name node, one data node) and a MiniYARNCluster (one resource manager, one node manager whose
 * containers are real child processes), as Spark tests its own YARN support. Once both serve,
 * it writes their client configuration (core-site.xml, hdfs-site.xml, yarn-site.xml) into
 * DIR/conf for HADOOP_CONF_DIR, then DIR/ready, and runs until it is sent SIGTERM.
 * scripts/mini-hadoop.sh starts it:
 *   java -cp "$(mini-hadoop classpath)" scripts/MiniHadoop.java DIR NODE_MEMORY_MB NODE_VCORES
 */
public final class MiniHadoop {
    private MiniHadoop() {
    }

    public static void main(String[] args) {
        // A server thread that dies of a missing class, or a start that fails while the other
        // servers' threads live on, would leave a process that never answers: end it instead.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            error.printStackTrace();
            if (error instanceof Error) {
                Runtime.getRuntime().halt(1);
            }
        });
        try {
            serve(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void serve(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int memoryMb = Integer.parseInt(args[1]);
        int vcores = Integer.parseInt(args[2]);
        Files.createDirectories(dir.resolve("conf"));

        Configuration conf = new YarnConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        conf.set("fs.defaultFS", hdfs.getURI().toString());

        // One queue with the whole cluster, and room for the application master that holds a
        // cluster-mode driver (the capacity scheduler's own default keeps AMs to a tenth).
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
        conf.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
        conf.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
        // MiniYARNCluster sizes its node managers from its own key, not the node manager's.
        conf.setInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, memoryMb);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, memoryMb);
        conf.setInt(YarnConfiguration.NM_VCORES, vcores);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, memoryMb);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, vcores);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
        // A development disk is often fuller than a cluster's; past 90% YARN would mark the only
        // node unhealthy and no container would start.
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.5f);
        // Most clusters turn the virtual-memory check off: a JVM reserves far more address space
        // than it touches. Physical memory stays enforced, as on a real cluster.
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // Keep finished containers' logs on disk, where the test reads the driver's log.
        conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 3600);

        MiniYARNCluster yarn = new MiniYARNCluster("mini-yarn", 1, 1, 1);
        yarn.init(conf);
        yarn.start();
        waitForNodeManager(yarn);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            yarn.stop();
            hdfs.shutdown();
        }));
        // What a cluster hands its clients, and no more: the servers' own configuration carries
        // test-only classes (a static rack mapping) that a client in a container cannot load.
        Configuration served = yarn.getConfig();
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", hdfs.getURI().toString());
        Configuration hdfsSite = new Configuration(false);
        hdfsSite.setInt("dfs.replication", 1);
        Configuration yarnSite = new Configuration(false);
        served.getPropsWithPrefix("yarn.resourcemanager.").forEach((key, value) -> {
            if (key.endsWith("address")) {
                yarnSite.set("yarn.resourcemanager." + key, served.get("yarn.resourcemanager." + key));
            }
        });
        write(core, dir.resolve("conf/core-site.xml"));
        write(hdfsSite, dir.resolve("conf/hdfs-site.xml"));
        write(yarnSite, dir.resolve("conf/yarn-site.xml"));
        Configuration client = yarnSite;
        Files.writeString(dir.resolve("ready"), hdfs.getURI() + " "
                + client.get(YarnConfiguration.RM_ADDRESS) + " "
                + client.get(YarnConfiguration.RM_WEBAPP_ADDRESS) + "\n");
        System.out.println("mini-hadoop: HDFS " + hdfs.getURI() + ", YARN resource manager "
                + client.get(YarnConfiguration.RM_ADDRESS) + " (web "
                + client.get(YarnConfiguration.RM_WEBAPP_ADDRESS) + ")");
        new CountDownLatch(1).await();
    }

    private static void waitForNodeManager(MiniYARNCluster yarn) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (yarn.getResourceManager().getRMContext().getRMNodes().size() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the node manager did not register within 60 s");
    }

    // Written whole to a temporary file, then moved: a client that reads it early sees all or nothing.
    private static void write(Configuration conf, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            conf.writeXml(out);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
