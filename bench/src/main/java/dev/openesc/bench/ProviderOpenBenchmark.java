package dev.openesc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.EvalResult;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.BuiltinProviders;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.oidc.Oidc;
import dev.openesc.server.oidc.RotationPolicy;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.DatabaseUrl;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import dev.openesc.server.rgw.AwsLoginDefinition;
import dev.openesc.server.rgw.Rgw;
import dev.openesc.server.rgw.ServerRest;
import dev.openesc.server.rgw.TrustPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code fn::open::aws-login} costs an open, against Ceph RGW as AWS STS: a server in this process (SQLite,
 * port 0) opens, over its REST API as clients do, (1) an environment without providers, (2) the same environment
 * with an {@code aws-login} whose credentials are cached, and (3) first opens, each of an environment with its own
 * session name, so each calls RGW's STS. Plain and cached opens alternate one by one, so that the machine's
 * load falls on both alike; the ratios are what to read.
 *
 * <pre>
 * ./mvnw -B -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.openesc.bench.ProviderOpenBenchmark [rounds] [opens per round] [first opens]
 * </pre>
 *
 * Needs what the server's RGW tests need ({@code .ci/install-rgw.sh}); RGW starts in about 25 s.
 */
public final class ProviderOpenBenchmark {

    private static final String ORG = ServerConfig.DEFAULT_ADMIN_ORG;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The same shape as the aws-login environments, with the credentials written in: the very strings a role
     * session returned, so that both store, encrypt and send the same amount.
     */
    private static String plain(String accessKeyId, String secretAccessKey, String sessionToken) {
        return """
                values:
                  aws:
                    login:
                      accessKeyId: {fn::secret: '%s'}
                      secretAccessKey: {fn::secret: '%s'}
                      sessionToken: {fn::secret: '%s'}
                      expiration: '2026-01-01T00:00:00Z'
                  environmentVariables:
                    AWS_ACCESS_KEY_ID: ${aws.login.accessKeyId}
                    AWS_SECRET_ACCESS_KEY: ${aws.login.secretAccessKey}
                    AWS_SESSION_TOKEN: ${aws.login.sessionToken}
                """.formatted(accessKeyId, secretAccessKey, sessionToken);
    }

    private final RunningServer server;
    private final ServerRest rest;
    private final ProviderSettings settings;

    private ProviderOpenBenchmark(RunningServer server, String token, ProviderSettings settings) {
        this.server = server;
        this.rest = new ServerRest(server, token);
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        // The server's own quiet logging, as `esc server` has it; set before the first logger exists.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "openesc-server-logback.xml");
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int firsts = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Rgw rgw = Rgw.shared();
        Path data = Files.createTempDirectory("openesc-bench-");
        ProviderSettings settings = new ProviderSettings(Optional.of(URI.create(rgw.endpoint())), "us-east-1",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(30));
        try (RunningServer server = EscServer.start(ServerConfig.at(data).withListen("127.0.0.1", 0)
                .withProviders(settings), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            String token = Files.readString(data.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
            new ProviderOpenBenchmark(server, token, settings).run(rgw, rounds, perRound, firsts);
        }
    }

    private void run(Rgw rgw, int rounds, int perRound, int firsts) {
        String issuer = server.publicUrl() + "/oidc";
        rgw.registerOidcProvider(issuer, List.of("aws:" + ORG),
                Rgw.thumbprints(Rgw.fetchJwks(issuer + "/.well-known/jwks")));
        String role = rgw.createS3Role(Rgw.uniqueName("bench"), new TrustPolicy(issuer, "aws:" + ORG, null));

        rest.define(ORG, "bench", "cached", AwsLoginDefinition.of(role, "bench"));
        JsonNode login = json(rest.open(ORG, "bench", "cached")).at("/properties/aws/value/login/value");
        String plainYaml = plain(login.at("/accessKeyId/value").asText(), login.at("/secretAccessKey/value").asText(),
                login.at("/sessionToken/value").asText());
        rest.define(ORG, "bench", "plain", plainYaml);
        for (int i = 0; i < firsts; i++) {
            rest.define(ORG, "bench", "first-" + i, AwsLoginDefinition.of(role, "bench-" + i));
        }

        // Warm-up: the JIT, the connection pool, the SQLite caches; the cached environment's one STS call.
        for (int i = 0; i < 3 * perRound; i++) {
            open("plain");
            open("cached");
        }
        long[] plain = new long[rounds * perRound];
        long[] cached = new long[rounds * perRound];
        for (int i = 0; i < plain.length; i++) {
            // Alternating, one of each at a time: a busy machine slows both alike.
            plain[i] = open("plain");
            cached[i] = open("cached");
        }
        long[] first = new long[firsts];
        for (int i = 0; i < firsts; i++) {
            first[i] = open("first-" + i);
        }
        System.out.printf(Locale.ROOT, "Over the REST API (POST open + GET open/{id}):%n%n");
        table(plain, cached, first);
        evaluations(role, plainYaml, rounds, perRound * 20, firsts);
    }

    /**
     * The same three without HTTP and storage: the evaluator alone, with the providers a second replica on the
     * server's database would build (the same signing keys and issuer URL, so RGW trusts its tokens).
     */
    private void evaluations(String role, String plainYaml, int rounds, int perRound, int firsts) {
        Path data = Path.of(server.dataDir());
        try (Storage storage = Storage.open(DatabaseUrl.sqliteFile(data.resolve(EscServer.DATABASE_FILE)).jdbcUrl(),
                LocalMasterKey.loadOrCreate(data.resolve(EscServer.MASTER_KEY_FILE)), SessionPolicy.defaults(),
                DatabaseOptions.defaults())) {
            Oidc oidc = Oidc.over(storage.signingKeys(), Clock.systemUTC(), server.publicUrl(),
                    RotationPolicy.defaults());
            BuiltinProviders providers = new BuiltinProviders(settings, oidc.tokens(), Clock.systemUTC());
            ExecContext context = ExecContext.of(Map.of("pulumi", Value.ofMap(Map.of(
                    "organization", Value.ofMap(Map.of("login", Value.ofString(ORG))),
                    "user", Value.ofMap(Map.of("login", Value.ofString(ORG)))))));
            EvalRequest plainRequest = request("bench/plain", plainYaml, providers, context);
            EvalRequest cachedRequest = request("bench/cached", AwsLoginDefinition.of(role, "in-process"), providers,
                    context);
            for (int i = 0; i < 3 * perRound; i++) {
                evaluate(plainRequest);
                evaluate(cachedRequest);
            }
            long[] plain = new long[rounds * perRound];
            long[] cached = new long[rounds * perRound];
            for (int i = 0; i < plain.length; i++) {
                plain[i] = evaluate(plainRequest);
                cached[i] = evaluate(cachedRequest);
            }
            long[] first = new long[firsts];
            for (int i = 0; i < firsts; i++) {
                first[i] = evaluate(request("bench/first-" + i, AwsLoginDefinition.of(role, "in-process-" + i),
                        providers, context));
            }
            System.out.printf(Locale.ROOT, "%nIn process (Evaluator.evaluate of a loaded definition):%n%n");
            table(plain, cached, first);
            System.out.printf(Locale.ROOT, "%nCredential cache: %s%n", providers.cacheStats());
        }
    }

    private static EvalRequest request(String name, String yaml, BuiltinProviders providers, ExecContext context) {
        Loader.Loaded loaded = Loader.load(name, yaml.getBytes(StandardCharsets.UTF_8));
        return new EvalRequest(name, loaded.decl(), ciphertext -> ciphertext, providers, EnvironmentLoader.none(),
                context);
    }

    private static long evaluate(EvalRequest request) {
        long start = System.nanoTime();
        EvalResult result = Evaluator.evaluate(request);
        long took = System.nanoTime() - start;
        if (result.diagnostics().hasErrors()) {
            throw new IllegalStateException(result.diagnostics().asList().toString());
        }
        return took;
    }

    private static void table(long[] plain, long[] cached, long[] first) {
        System.out.printf(Locale.ROOT, "| open | opens | mean ms | median ms | p90 ms | median / no provider |%n");
        System.out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|---:|%n");
        double base = median(plain);
        row("no provider", plain, base);
        row("aws-login, cached", cached, base);
        row("aws-login, first (STS call to RGW)", first, base);
    }

    private static void row(String name, long[] nanos, double base) {
        double[] ms = Arrays.stream(nanos).sorted().mapToDouble(n -> n / 1e6).toArray();
        double mean = Arrays.stream(ms).average().orElse(0);
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.2fx |%n", name, ms.length, mean,
                median(nanos) / 1e6, ms[(int) Math.floor(0.9 * (ms.length - 1))], median(nanos) / base);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One open as a client makes it (open, then read the values); its wall time in nanoseconds. */
    private long open(String name) {
        long start = System.nanoTime();
        HttpResponse<String> read = rest.open(ORG, "bench", name);
        long took = System.nanoTime() - start;
        if (read.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + read.statusCode() + ": " + read.body());
        }
        return took;
    }
}
