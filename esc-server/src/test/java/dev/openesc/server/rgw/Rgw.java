package dev.openesc.server.rgw;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;

/**
 * Ceph RGW as the AWS STS and S3 of tests: one cluster per test JVM, started on first use and stopped by
 * a shutdown hook, with an admin user allowed to manage OIDC providers and roles. Missing binaries are a
 * failure (CI installs them with {@code .ci/install-rgw.sh}) unless {@code ESC_SKIP_RGW=1} says skip.
 */
public final class Rgw {

    public static final String SKIP_VARIABLE = "ESC_SKIP_RGW";
    private static final String ADMIN_KEY = "OPENESCADMINKEY";
    private static final String ADMIN_SECRET = "openesc-admin-secret-for-tests-only";
    private static final String S3_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:*\"],\"Resource\":\"arn:aws:s3:::*\"}]}";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static Rgw shared;
    private static RuntimeException failedStart;

    private final CephCluster cluster;
    private final AwsCli admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Rgw(CephCluster cluster) {
        this.cluster = cluster;
        this.admin = AwsCli.withKeys(cluster.endpoint(), ADMIN_KEY, ADMIN_SECRET);
    }

    /**
     * The JVM's RGW, started now if it is not running yet (about 25 s). Skips the calling test when
     * {@code ESC_SKIP_RGW=1}; otherwise throws, with the tail of RGW's log, when it cannot start.
     */
    public static synchronized Rgw shared() {
        Assumptions.assumeFalse("1".equals(System.getenv(SKIP_VARIABLE)), SKIP_VARIABLE + "=1: Ceph RGW tests skipped");
        if (failedStart != null) {
            throw new IllegalStateException("Ceph RGW failed to start earlier in this JVM", failedStart);
        }
        if (shared == null) {
            if (!Files.isExecutable(AwsCli.BINARY)) {
                failedStart = new IllegalStateException(AwsCli.BINARY + " is missing: run .ci/install-rgw.sh");
                throw failedStart;
            }
            try {
                CephCluster cluster = CephCluster.start();
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "ceph-rgw-stop"));
                Rgw rgw = new Rgw(cluster);
                rgw.createAdmin();
                shared = rgw;
            } catch (RuntimeException e) {
                failedStart = e;
                throw e;
            }
        }
        return shared;
    }

    public String endpoint() {
        return cluster.endpoint();
    }

    public int port() {
        return cluster.rgwPort();
    }

    /** awscli signing as RGW's admin user (owner of the buckets tests create). */
    public AwsCli admin() {
        return admin;
    }

    /** A name no other test of this JVM uses, for roles and buckets (RGW keeps them for the whole run). */
    public static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    /** SHA-1 of an {@code x5c} certificate (standard base64 DER), as IAM expects OIDC provider thumbprints. */
    public static String thumbprint(String x5cBase64) {
        try {
            byte[] der = Base64.getDecoder().decode(x5cBase64);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's key set, fetched over HTTP as RGW fetches it. */
    public static JWKSet fetchJwks(String jwksUri) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(jwksUri)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JWKSet.parse(response.body());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot fetch the JWKS at " + jwksUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Thumbprints of the certificates of a key set, for registering its issuer. */
    public static List<String> thumbprints(JWKSet keys) {
        return keys.getKeys().stream().map(key -> thumbprint(key.getX509CertChain().get(0).toString())).toList();
    }

    /** Trusts tokens of {@code issuerUrl} whose audience is one of {@code clientIds}. */
    public void registerOidcProvider(String issuerUrl, List<String> clientIds, List<String> thumbprints) {
        List<String> args = new ArrayList<>(List.of("iam", "create-open-id-connect-provider", "--url", issuerUrl,
                "--client-id-list"));
        args.addAll(clientIds);
        args.add("--thumbprint-list");
        args.addAll(thumbprints);
        admin.run(args.toArray(String[]::new));
    }

    /**
     * Creates a role trusting {@code trust}, allowed everything on S3, whose sessions may last up to 12 hours
     * (aws-login asks for two by default, as the reference does); returns its ARN.
     */
    public String createS3Role(String name, TrustPolicy trust) {
        admin.run("iam", "create-role", "--role-name", name, "--assume-role-policy-document", trust.json(),
                "--max-session-duration", "43200");
        admin.run("iam", "put-role-policy", "--role-name", name, "--policy-name", "s3-all", "--policy-document", S3_ALL);
        return "arn:aws:iam:::role/" + name;
    }

    /** Creates {@code bucket} (owned by the admin) holding one object {@code key} with {@code content}. */
    public void createBucket(String bucket, String key, String content) {
        admin.run("s3api", "create-bucket", "--bucket", bucket);
        try {
            Path file = Files.createTempFile("openesc-object-", ".txt");
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8);
                admin.run("s3api", "put-object", "--bucket", bucket, "--key", key, "--body", file.toString());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Calls STS AssumeRoleWithWebIdentity directly (an unsigned form POST, as AWS SDKs send it) and returns
     * the credentials or the refusal with what RGW logged meanwhile.
     */
    public StsAnswer assumeRoleWithWebIdentity(String roleArn, String token) {
        int logMark = cluster.rgwLog().size();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "AssumeRoleWithWebIdentity");
        form.put("Version", "2011-06-15");
        form.put("RoleArn", roleArn);
        form.put("RoleSessionName", "openesc-test");
        form.put("DurationSeconds", "3600");
        form.put("WebIdentityToken", token);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot reach RGW's STS", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Document xml = parse(response.body());
        if (response.statusCode() == 200) {
            return new StsAnswer.Granted(text(xml, "AccessKeyId"), text(xml, "SecretAccessKey"),
                    text(xml, "SessionToken"), text(xml, "Expiration"));
        }
        return new StsAnswer.Refused(response.statusCode(), xml == null ? "" : text(xml, "Code"), loggedSince(logMark));
    }

    /**
     * What RGW logged from line {@code mark} on, up to the end of the request it served: RGW writes its log from a
     * thread of its own, so the reason for a refusal may reach the file after the response reached us. Waits for
     * the request's closing line ({@code req done}) for at most 10 seconds, then gives what there is.
     */
    private String loggedSince(int mark) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<String> log = cluster.rgwLog();
            List<String> since = log.subList(Math.min(mark, log.size()), log.size());
            boolean done = false;
            for (String line : since) {
                done |= line.contains("====== req done");
            }
            if (done || System.nanoTime() > deadline) {
                return String.join("\n", since);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return String.join("\n", since);
            }
        }
    }

    /** The keys of a bucket's objects as the role session sees them through {@code aws s3 ls}. */
    public AwsCli.Result listAs(StsAnswer.Granted session, String bucket) {
        return AwsCli.withSession(endpoint(), session).attempt("s3", "ls", "s3://" + bucket + "/");
    }

    public String logTail(int lines) {
        return cluster.rgwLogTail(lines);
    }

    private void createAdmin() {
        cluster.radosgwAdmin("user", "create", "--uid", "admin", "--display-name", "Admin", "--access-key", ADMIN_KEY,
                "--secret", ADMIN_SECRET);
        cluster.radosgwAdmin("caps", "add", "--uid", "admin", "--caps", "oidc-provider=*;roles=*;users=*;buckets=*");
    }

    private static Document parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (InputStream in = new java.io.ByteArrayInputStream(body)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(Document xml, String element) {
        var nodes = xml.getElementsByTagName(element);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
