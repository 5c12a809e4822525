package dev.portablefn.azure.sdk;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Azurite, the Azure Storage emulator, started for one test class on free loopback ports with in-memory storage and
 * stopped (with its process tree) afterwards. Installed by {@code npm ci --prefix adapters-azure/sdk/azurite}; when
 * it or Node.js is missing the tests are skipped, unless {@code PORTABLEFN_REQUIRE_AZURITE=1} (CI) makes that a
 * failure. Only tests use the well-known Azurite development account and key.
 */
final class Azurite implements AutoCloseable {

    static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's published development key: https://learn.microsoft.com/azure/storage/common/storage-use-azurite */
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String INSTALL = "npm ci --prefix adapters-azure/sdk/azurite";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final Path workspace;
    private final int blobPort;
    private final int queuePort;
    /** Why Azurite is not running, or {@code null} when it is. */
    private final String unavailable;

    private Azurite(Process process, Path workspace, int blobPort, int queuePort, String unavailable) {
        this.process = process;
        this.workspace = workspace;
        this.blobPort = blobPort;
        this.queuePort = queuePort;
        this.unavailable = unavailable;
    }

    /**
     * Starts Azurite and waits until its blob and queue endpoints accept connections. When it is not installed the
     * result is not running, and {@link #assumeRunning()} skips each test with the reason (a class-level skip would
     * leave no message in the report), unless {@code PORTABLEFN_REQUIRE_AZURITE=1} makes this fail at once.
     */
    static Azurite start() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path script = module.resolve("azurite/node_modules/azurite/dist/src/azurite.js");
        if (!Files.isRegularFile(script)) {
            return unavailable("Azurite is not installed (" + script + " is missing): run " + INSTALL);
        }
        if (!nodeRuns()) {
            return unavailable("Node.js ('node') is not on the PATH: install Node.js 20 or later, then run " + INSTALL);
        }
        int[] ports = freePorts(3);
        Path workspace = Files.createTempDirectory("azurite");
        Process process = new ProcessBuilder("node", script.toString(), "--inMemoryPersistence", "--silent",
                "--skipApiVersionCheck",
                "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(ports[0]),
                "--queueHost", "127.0.0.1", "--queuePort", Integer.toString(ports[1]),
                "--tableHost", "127.0.0.1", "--tablePort", Integer.toString(ports[2]))
                .directory(workspace.toFile()).redirectErrorStream(true)
                .redirectOutput(workspace.resolve("azurite.log").toFile()).start();
        Azurite azurite = new Azurite(process, workspace, ports[0], ports[1], null);
        azurite.awaitListening();
        return azurite;
    }

    /** @return a Storage connection string for this Azurite's blob and queue endpoints */
    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:" + blobPort + "/" + ACCOUNT
                + ";QueueEndpoint=http://127.0.0.1:" + queuePort + "/" + ACCOUNT + ";";
    }

    private void awaitListening() {
        Instant giveUp = Instant.now().plus(STARTUP);
        while (!(accepts(blobPort) && accepts(queuePort))) {
            if (!process.isAlive()) {
                String log = log();
                close();
                fail("Azurite exited with " + process.exitValue() + " before listening:\n" + log);
            }
            if (Instant.now().isAfter(giveUp)) {
                String log = log();
                close();
                fail("Azurite did not listen on ports " + blobPort + " and " + queuePort + " within " + STARTUP
                        + ":\n" + log);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(workspace.resolve("azurite.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops Azurite and every process it started, and removes its workspace. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(workspace)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Azurite unavailable(String why) {
        if ("1".equals(System.getenv("PORTABLEFN_REQUIRE_AZURITE"))) {
            fail(why + " (PORTABLEFN_REQUIRE_AZURITE=1 makes this a failure)");
        }
        return new Azurite(null, null, 0, 0, why);
    }

    /** Skips the calling test, saying how to install Azurite, when it is not running. */
    void assumeRunning() {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
    }

    boolean running() {
        return unavailable == null;
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
        return ports;
    }
}
