package dev.openesc.server.rgw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code fn::open::aws-login} through the whole server against Ceph RGW as AWS STS and S3: the server started
 * as {@code esc server} starts, its issuer trusted by RGW, the credentials an open hands out listing a bucket,
 * a second open served from the credential cache, and a role that trusts another audience refused at the
 * {@code fn::open} with RGW's answer.
 */
class AwsLoginRgwTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = ServerConfig.DEFAULT_ADMIN_ORG;
    private static final String AUDIENCE = "aws:" + ORG;
    /** Registered with RGW too, so that the role's trust policy (not the provider) is what refuses it. */
    private static final String OTHER_AUDIENCE = "aws:globex";

    @TempDir
    static Path dataDir;
    private static Rgw rgw;
    private static CountingStsProxy sts;
    private static RunningServer server;
    private static ServerRest rest;
    private static String bucket;

    @BeforeAll
    static void serverTrustedByRgw() throws IOException {
        rgw = Rgw.shared();
        sts = CountingStsProxy.to(rgw.endpoint());
        ProviderSettings providers = new ProviderSettings(Optional.of(URI.create(sts.endpoint())), "us-east-1",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(30));
        server = EscServer.start(ServerConfig.at(dataDir.resolve("server")).withListen("127.0.0.1", 0)
                .withProviders(providers), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        rest = new ServerRest(server,
                Files.readString(dataDir.resolve("server").resolve(EscServer.ADMIN_TOKEN_FILE)).strip());

        String issuer = server.publicUrl() + "/oidc";
        rgw.registerOidcProvider(issuer, List.of(AUDIENCE, OTHER_AUDIENCE),
                Rgw.thumbprints(Rgw.fetchJwks(issuer + "/.well-known/jwks")));

        bucket = Rgw.uniqueName("esc-bucket");
        rgw.createBucket(bucket, "hello.txt", "hello from RGW");
        String devRole = rgw.createS3Role(Rgw.uniqueName("app-dev"),
                new TrustPolicy(issuer, AUDIENCE, "pulumi:environments:org:" + ORG + ":env:app/dev"));
        String globexRole = rgw.createS3Role(Rgw.uniqueName("globex"), new TrustPolicy(issuer, OTHER_AUDIENCE, null));
        define("app", "dev", devRole);
        define("app", "wrong", globexRole);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (sts != null) {
            sts.close();
        }
    }

    private static void define(String project, String name, String roleArn) {
        rest.define(ORG, project, name, AwsLoginDefinition.of(roleArn, "openesc-test"));
    }

    private static JsonNode loginOf(HttpResponse<String> read) throws IOException {
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return JSON.readTree(read.body()).at("/properties/aws/value/login/value");
    }

    private static String text(JsonNode login, String field) {
        return login.at("/" + field + "/value").asText();
    }

    @Test
    void anOpenGetsCredentialsThatListTheBucketAndASecondOpenIsServedFromTheCache() throws IOException {
        int before = sts.assumeCalls();
        JsonNode first = loginOf(rest.open(ORG, "app", "dev"));
        JsonNode second = loginOf(rest.open(ORG, "app", "dev"));

        assertThat(sts.assumeCalls() - before).as("RGW's STS called once for two opens").isEqualTo(1);
        assertThat(text(second, "accessKeyId")).isEqualTo(text(first, "accessKeyId"));
        assertThat(first.at("/secretAccessKey/secret").asBoolean()).isTrue();
        assertThat(text(first, "expiration")).isNotBlank();

        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(rgw.endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        text(first, "accessKeyId"), text(first, "secretAccessKey"), text(first, "sessionToken"))))
                .build()) {
            List<String> keys = s3.listObjectsV2(list -> list.bucket(bucket)).contents().stream()
                    .map(S3Object::key).toList();
            assertThat(keys).containsExactly("hello.txt");
        }
    }

    @Test
    void aRoleTrustingAnotherAudienceIsADiagnosticAtTheOpenWithRgwsAnswer() {
        HttpResponse<String> refused = rest.open(ORG, "app", "wrong");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"path\":\"values.aws.login\"");
        assertThat(refused.body())
                .contains("aws-login: cannot assume role arn:aws:iam:::role/globex")
                // RGW answers a trust policy's refusal with a bare 403 and logs the reason.
                .contains("STS refused (AccessDenied, HTTP 403)")
                .doesNotContain("eyJ");
    }
}
