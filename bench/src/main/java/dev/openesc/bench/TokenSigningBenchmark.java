package dev.openesc.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.openesc.providers.identity.Audience;
import dev.openesc.providers.identity.TokenRequest;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.oidc.Oidc;
import dev.openesc.server.oidc.RotationPolicy;
import dev.openesc.server.store.Database;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.DatabaseUrl;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.SigningKey;
import dev.openesc.server.store.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many ID tokens the OIDC issuer signs per second, against nimbus-jose-jwt's own rate for the same work.
 *
 * <ul>
 *   <li>{@link #tokenIssuer}: {@code TokenIssuer.issue} as a login provider calls it: it reads the current key from
 *       the store (SQLite here), builds the reference's claims and signs them (RS256, 2048-bit key).</li>
 *   <li>{@link #nimbusSign}: the baseline, the same claims set and header built and signed with a bare
 *       {@code RSASSASigner} over the same private key, then serialized.</li>
 *   <li>{@code sideBySide}: the two at once, one thread each, so that both see the same load on a shared machine
 *       and their ratio holds even when the absolute rates do not.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenSigningBenchmark {

    private static final String ISSUER = "https://esc.example.com/oidc";
    private static final TokenRequest REQUEST = new TokenRequest("acme", "app/dev", "app/dev", "alice",
            Audience.AWS.of("acme", "app"), List.of(), Duration.ofHours(1));

    private Path dataDir;
    private Storage storage;
    private Oidc oidc;
    private RSASSASigner bareSigner;
    private String kid;

    @Setup
    public void setUp() throws Exception {
        dataDir = Files.createTempDirectory("openesc-bench-oidc-");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        Database database = Database.open(DatabaseUrl.sqliteFile(dataDir.resolve("esc.db")), DatabaseOptions.defaults());
        storage = Storage.on(database, LocalMasterKey.fromBase64(Base64.getEncoder().encodeToString(masterKey)),
                SessionPolicy.defaults());
        oidc = Oidc.over(storage.signingKeys(), Clock.systemUTC(), "https://esc.example.com", RotationPolicy.defaults());
        oidc.rotation().rotate().orElseThrow();
        SigningKey key = storage.signingKeys().current().orElseThrow();
        kid = key.kid();
        bareSigner = new RSASSASigner(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key.privateKey())));
    }

    @TearDown
    public void tearDown() throws IOException {
        storage.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public String tokenIssuer() {
        return oidc.tokens().issue(REQUEST).token();
    }

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(1)
    public String sideBySideTokenIssuer() {
        return tokenIssuer();
    }

    @Benchmark
    @Group("sideBySide")
    @GroupThreads(1)
    public String sideBySideNimbusSign() throws JOSEException {
        return nimbusSign();
    }

    @Benchmark
    public String nimbusSign() throws JOSEException {
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(REQUEST.audience())
                .subject(REQUEST.subject())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(REQUEST.lifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("current_env", REQUEST.currentEnvironment())
                .claim("root_env", REQUEST.rootEnvironment())
                .claim("trigger_user", REQUEST.triggerUser())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(bareSigner);
        return jwt.serialize();
    }
}
