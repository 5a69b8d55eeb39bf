package dev.openesc.server.rgw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A one-node Ceph cluster on loopback: a monitor, one OSD keeping its objects in memory (memstore) and a
 * radosgw with STS, without authentication between them, all in one temporary folder. It lives as long
 * as the test JVM through {@link Rgw#shared}; {@link #close} kills the daemons and removes the folder.
 */
final class CephCluster implements AutoCloseable {

    /** Loaded CI machines start the three daemons in about 25 s; this bounds the wait generously. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    /** Attempts to start a cluster before a test gives up (see {@link #start}). */
    private static final int START_ATTEMPTS = 3;
    static final List<String> BINARIES = List.of("ceph-mon", "ceph-osd", "radosgw", "radosgw-admin", "monmaptool",
            "ceph-authtool", "ceph");
    /** Exactly 16 characters: RGW encrypts its session tokens with it. */
    private static final String STS_KEY = "openesc-test-key";
    private static final String RGW_NAME = "client.rgw.x";

    private final Path home;
    private final int monPort;
    private final int rgwPort;
    /** The daemons by name (mon, osd, rgw), each under its watching shell. */
    private final Map<String, Process> daemons = new LinkedHashMap<>();

    private CephCluster(Path home, int monPort, int rgwPort) {
        this.home = home;
        this.monPort = monPort;
        this.rgwPort = rgwPort;
    }

    int rgwPort() {
        return rgwPort;
    }

    String endpoint() {
        return "http://127.0.0.1:" + rgwPort;
    }

    /** Starts the cluster and waits until radosgw answers; on any failure kills what it started and throws. */
    static CephCluster start() {
        List<String> missing = BINARIES.stream().filter(binary -> which(binary) == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Ceph RGW is not installed (missing " + String.join(", ", missing)
                    + "): run .ci/install-rgw.sh, or set ESC_SKIP_RGW=1 to skip the tests that need it");
        }
        // Ports are picked free and bound by the daemons a few seconds later; on a crowded machine another
        // process can take one in between (seen: an OSD reaching a foreign monitor, "wrong fsid", twice in a row
        // within a second, in a fresh CI run right after another test JVM's clusters were stopped). Further
        // attempts on fresh ports, a few seconds apart, tell that apart from a Ceph that cannot start here.
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce();
            } catch (IllegalStateException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
                if (attempt < START_ATTEMPTS) {
                    sleep(Duration.ofSeconds(3L * attempt));
                }
            }
        }
        throw failure;
    }

    private static CephCluster startOnce() {
        Path home;
        try {
            home = Files.createTempDirectory("openesc-ceph-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CephCluster cluster = new CephCluster(home, freePort(), freePort());
        try {
            cluster.boot();
            return cluster;
        } catch (RuntimeException | Error e) {
            String log = cluster.rgwLogTail(40);
            String monLog = tail(readLines(cluster.home.resolve("log/mon.a.log")), 20);
            cluster.close();
            throw new IllegalStateException("Ceph RGW did not come up: " + e.getMessage()
                    + "\n--- last lines of radosgw's log ---\n" + log
                    + "\n--- last lines of the monitor's log ---\n" + monLog, e);
        }
    }

    private void boot() {
        String fsid = UUID.randomUUID().toString();
        for (String dir : List.of("run", "log", "mon", "osd/ceph-0")) {
            createDirectories(home.resolve(dir));
        }
        write("ceph.conf", config(fsid));
        run("monmaptool", "--create", "--addv", "a", "[v1:127.0.0.1:" + monPort + "]", "--fsid", fsid,
                home.resolve("monmap").toString());
        run("ceph-authtool", "--create-keyring", home.resolve("mon.keyring").toString(), "--gen-key", "-n", "mon.",
                "--cap", "mon", "allow *");
        run("ceph-mon", "-c", conf(), "--mkfs", "-i", "a", "--monmap", home.resolve("monmap").toString(),
                "--keyring", home.resolve("mon.keyring").toString());
        daemon("mon", "ceph-mon", "-c", conf(), "-i", "a", "-f");
        String osdUuid = UUID.randomUUID().toString();
        // Blocks until the monitor answers (bounded by the connect timeout).
        run("ceph", "-c", conf(), "--connect-timeout", String.valueOf(READY_WITHIN.toSeconds()), "osd", "new", osdUuid);
        run("ceph-osd", "-c", conf(), "-i", "0", "--mkfs", "--osd-uuid", osdUuid);
        daemon("osd", "ceph-osd", "-c", conf(), "-i", "0", "-f");
        daemon("rgw", "radosgw", "-c", conf(), "-n", RGW_NAME, "-f");
        awaitRgw();
    }

    /** Runs {@code radosgw-admin} against this cluster; returns its standard output. */
    String radosgwAdmin(String... args) {
        List<String> command = new ArrayList<>(List.of("radosgw-admin", "-c", conf(), "-n", RGW_NAME));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    /** The last {@code lines} lines of radosgw's log, where it says why it refused a request. */
    String rgwLogTail(int lines) {
        return tail(rgwLog(), lines);
    }

    List<String> rgwLog() {
        return readLines(home.resolve("log/" + RGW_NAME + ".log"));
    }

    private static String tail(List<String> all, int lines) {
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static List<String> readLines(Path log) {
        try {
            return Files.isRegularFile(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        for (Process daemon : daemons.values()) {
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.destroyForcibly();
        }
        for (Process daemon : daemons.values()) {
            try {
                daemon.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        daemons.clear();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: the folder is under the system's temporary directory.
        }
    }

    private String config(String fsid) {
        String dir = home.toString();
        return String.join("\n",
                "[global]",
                "fsid = " + fsid,
                "mon host = v1:127.0.0.1:" + monPort,
                "mon initial members = a",
                "public network = 127.0.0.0/8",
                "auth cluster required = none",
                "auth service required = none",
                "auth client required = none",
                "osd pool default size = 1",
                "osd pool default min size = 1",
                "mon allow pool size one = true",
                "mon warn on pool no redundancy = false",
                // A loaded test machine may have little free disk; the monitor must not stop on that.
                "mon data avail crit = 0",
                "mon data avail warn = 0",
                "osd crush chooseleaf type = 0",
                "osd objectstore = memstore",
                "memstore device bytes = 1073741824",
                "osd pool default pg autoscale mode = off",
                "osd pool default pg num = 8",
                "osd pool default pgp num = 8",
                "mon max pg per osd = 1000",
                "run dir = " + dir + "/run",
                // The pid keeps radosgw-admin from colliding with the daemon's socket.
                "admin socket = " + dir + "/run/$name.$pid.asok",
                "log file = " + dir + "/log/$name.log",
                "mon data = " + dir + "/mon/ceph-$id",
                "osd data = " + dir + "/osd/ceph-$id",
                "",
                "[" + RGW_NAME + "]",
                "rgw frontends = beast endpoint=127.0.0.1:" + rgwPort,
                "rgw sts key = " + STS_KEY,
                "rgw s3 auth use sts = true",
                "");
    }

    private void awaitRgw() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            daemons.forEach((name, daemon) -> {
                if (!daemon.isAlive()) {
                    throw new IllegalStateException("the Ceph " + name + " daemon exited; its output ends with:\n"
                            + tail(readLines(home.resolve("log/" + name + ".out")), 20));
                }
            });
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for radosgw", e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("radosgw did not answer on " + endpoint() + " within " + READY_WITHIN.toSeconds() + " s");
    }

    /**
     * Starts a daemon under a small shell that watches this JVM: should the JVM die without running its shutdown
     * hooks (killed by a build tool's timeout), the watcher kills the daemon and removes the cluster's folder.
     */
    private void daemon(String name, String... command) {
        String watcher = "\"$@\" & daemon=$!; "
                + "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null && kill -0 $daemon 2>/dev/null; do sleep 1; done; "
                + "kill -9 $daemon 2>/dev/null; "
                + "kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null || rm -rf '" + home + "'";
        List<String> watched = new ArrayList<>(List.of("sh", "-c", watcher, "sh"));
        watched.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(watched).directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("log/" + name + ".out").toFile())
                    .start();
            daemons.put(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command[0], e);
        }
    }

    /** Runs a command to its end (at most the readiness bound) and returns its output; throws when it fails. */
    private String run(String... command) {
        try {
            Path output = Files.createTempFile(home, "command-", ".out");
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(READY_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish within " + READY_WITHIN.toSeconds() + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
    }

    private String conf() {
        return home.resolve("ceph.conf").toString();
    }

    private void write(String file, String text) {
        try {
            Files.writeString(home.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path which(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, binary);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path sbin = Path.of("/usr/sbin", binary);
        return Files.isExecutable(sbin) ? sbin : null;
    }

    /** A port free now on loopback; the daemon binds it a moment later (a race we accept in tests). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for radosgw", e);
        }
    }
}
