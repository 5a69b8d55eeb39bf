package dev.openesc.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.EscHarness;
import dev.openesc.cli.EscHarness.Result;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import dev.openesc.server.rgw.AwsCli;
import dev.openesc.server.rgw.Rgw;
import dev.openesc.server.rgw.TrustPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demonstration, with real components only: a server whose OIDC issuer Ceph RGW trusts,
 * {@code esc login} to it, an environment with {@code fn::open::aws-login} and the seed document's
 * {@code environmentVariables}, and {@code esc run <env> -- /usr/bin/aws s3 ls} listing a bucket with
 * credentials that exist for one hour and are stored nowhere. Roles whose trust names another audience or
 * another subject are refused before the command starts.
 */
class AwsRunEndToEndTest {

    private static final String ORG = "acme";
    private static final String AUDIENCE = "aws:" + ORG;

    @TempDir
    static Path serverDir;
    @TempDir
    static Path home;
    private static Rgw rgw;
    private static RunningServer server;
    private static EscHarness esc;
    private static String bucket;

    @BeforeAll
    static void startServerTrustedByRgw() throws Exception {
        rgw = Rgw.shared();
        // The command line's way of pointing aws-login at another STS (here RGW), as an operator would.
        ServerConfig config = ServerConfig.resolve(List.of("--listen", "127.0.0.1:0", "--data-dir",
                serverDir.toString(), "--admin-org", ORG, "--aws-sts-endpoint", rgw.endpoint()), Map.of(), home)
                .withStopTimeout(Duration.ofSeconds(1));
        server = EscServer.start(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String issuer = server.publicUrl() + "/oidc";
        rgw.registerOidcProvider(issuer, List.of(AUDIENCE),
                Rgw.thumbprints(Rgw.fetchJwks(issuer + "/.well-known/jwks")));
        bucket = Rgw.uniqueName("acme-data");
        rgw.createBucket(bucket, "report.csv", "quarter,revenue\n");

        esc = new EscHarness(home);
        System.getenv().keySet().stream().filter(name -> name.startsWith("AWS_")).forEach(esc::unset);
        // Only what esc injects may reach aws: no config or credentials file of the machine.
        AwsCli.isolatedEnvironment().forEach(esc::env);
        String token = Files.readString(serverDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
        esc.ok("login", server.publicUrl(), "--token", token);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            try {
                server.close();
            } catch (RuntimeException e) {
                // Stopped either way; idle keep-alive connections may outlast the short grace period.
            }
        }
    }

    /** Defines {@code acme/app/<name>} logging in to AWS through {@code roleArn}, as the seed document does. */
    private static String environment(String name, String roleArn) throws Exception {
        String env = ORG + "/app/" + name;
        esc.init(env, """
                values:
                  aws:
                    login:
                      fn::open::aws-login:
                        oidc:
                          roleArn: %s
                          sessionName: pulumi-environments-session
                  environmentVariables:
                    AWS_ACCESS_KEY_ID: ${aws.login.accessKeyId}
                    AWS_SECRET_ACCESS_KEY: ${aws.login.secretAccessKey}
                    AWS_SESSION_TOKEN: ${aws.login.sessionToken}
                """.formatted(roleArn));
        return env;
    }

    private static String subjectOf(String name) {
        return "pulumi:environments:org:" + ORG + ":env:app/" + name;
    }

    @Test
    void escRunListsTheBucketWithCredentialsFromRgwsSts() throws Exception {
        String role = rgw.createS3Role(Rgw.uniqueName("app-dev"),
                new TrustPolicy(server.publicUrl() + "/oidc", AUDIENCE, subjectOf("dev")));
        String env = environment("dev", role);

        Result listing = esc.run("run", env, "--", AwsCli.BINARY.toString(), "s3", "ls", "s3://" + bucket,
                "--endpoint-url", rgw.endpoint());

        assertThat(listing.status()).as(listing.err()).isZero();
        assertThat(listing.out()).contains("report.csv");
    }

    @Test
    void aRoleTrustingAnotherAudienceIsRefusedBeforeTheCommandStarts() throws Exception {
        String role = rgw.createS3Role(Rgw.uniqueName("other-audience"),
                new TrustPolicy(server.publicUrl() + "/oidc", "aws:globex", subjectOf("audience")));
        assertRefusedBeforeTheCommand(environment("audience", role), role);
    }

    @Test
    void aRoleTrustingAnotherSubjectIsRefusedBeforeTheCommandStarts() throws Exception {
        String role = rgw.createS3Role(Rgw.uniqueName("other-subject"),
                new TrustPolicy(server.publicUrl() + "/oidc", AUDIENCE, subjectOf("prod")));
        assertRefusedBeforeTheCommand(environment("subject", role), role);
    }

    private static void assertRefusedBeforeTheCommand(String env, String role) {
        Path marker = home.resolve("started-" + env.replace('/', '-'));
        Result run = esc.run("run", env, "--", "sh", "-c", "env > " + marker);

        assertThat(run.status()).isNotZero();
        assertThat(marker).doesNotExist();
        assertThat(run.out()).isEmpty();
        // The diagnostic points at the fn::open (line 4, column 7 of the definition), names the provider and the
        // role, and says that STS refused; nothing secret, no stack trace.
        String name = env.substring(env.indexOf('/') + 1);
        assertThat(run.err()).startsWith(name + ":4:7: aws-login").contains(role).contains("refused")
                .containsAnyOf("AccessDenied", "403").doesNotContain("AWS_SECRET_ACCESS_KEY=", "\tat ");
    }
}
