package dev.openesc.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.EscHarness;
import dev.openesc.cli.EscHarness.Result;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code esc env provider ...}: the blocks written, --create, replacing, and the bad-input lines. */
class EnvProviderCommandTest {
    @TempDir
    Path home;

    private EscHarness esc() {
        return new EscHarness(home);
    }

    private static String definition(EscHarness esc, String env, boolean showSecrets) {
        return showSecrets ? esc.ok("env", "get", env, "--definition", "--show-secrets").out()
                : esc.ok("env", "get", env, "--definition").out();
    }

    @Test
    void staticCredentialsAreStoredEncryptedAndNeverInPlaintextOnDisk() throws IOException {
        EscHarness esc = esc();
        esc.ok("env", "init", "default/app");
        Result r = esc.ok("env", "provider", "aws-login", "static", "default/app", "AKIAEXAMPLE", "s3cr3t-k3y-q9",
                "--session-token", "t0k3n-z7");
        assertThat(r.out()).isEqualTo("Provider updated.\n");
        assertThat(r.err()).isEmpty();

        String stored = definition(esc, "default/app", false);
        assertThat(stored).contains("accessKeyId: AKIAEXAMPLE", "ciphertext: ")
                .doesNotContain("s3cr3t-k3y-q9", "t0k3n-z7");
        assertThat(definition(esc, "default/app", true)).isEqualTo("""
                values:
                  aws:
                    login:
                      fn::open::aws-login:
                        static:
                          accessKeyId: AKIAEXAMPLE
                          secretAccessKey:
                            fn::secret: s3cr3t-k3y-q9
                          sessionToken:
                            fn::secret: t0k3n-z7
                """);
        // Neither the database nor its write-ahead log holds the plaintext: the service encrypted it.
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain("s3cr3t-k3y-q9").doesNotContain("t0k3n-z7");
            }
        }
    }

    @Test
    void theBlockGoesIntoTheDefinitionInPlaceKeepingCommentsAndOtherValues() throws IOException {
        EscHarness esc = esc();
        esc.init("default/app", """
                # the team's app
                values:
                  region: us-east-1 # where it runs
                  aws:
                    login: old
                """);
        esc.ok("env", "provider", "aws-login", "oidc", "default/app", "arn:aws:iam::123456789012:role/r", "sess",
                "--duration", "1h", "--policy-arn", "arn:p1", "--policy-arn", "arn:p2", "--subject-attribute",
                "currentEnvironment.name");
        assertThat(definition(esc, "default/app", false)).isEqualTo("""
                # the team's app
                values:
                  region: us-east-1 # where it runs
                  aws:
                    login:
                      fn::open::aws-login:
                        oidc:
                          roleArn: arn:aws:iam::123456789012:role/r
                          sessionName: sess
                          duration: 1h
                          policyArns:
                            - arn:p1
                            - arn:p2
                          subjectAttributes:
                            - currentEnvironment.name
                """);
    }

    @Test
    void aSecondCallReplacesTheWholeBlockAndPathPutsItElsewhere() {
        EscHarness esc = esc();
        esc.ok("env", "init", "default/app");
        esc.ok("env", "provider", "gcp-login", "oidc", "default/app", "123456789", "--workload-pool-id", "pool",
                "--provider-id", "prov", "--service-account", "sa@p.iam.gserviceaccount.com", "--region", "eu",
                "--token-lifetime", "1h", "--subject-attribute", "rootEnvironment.name");
        esc.ok("env", "provider", "gcp-login", "oidc", "default/app", "123456789", "--workload-pool-id", "pool2",
                "--provider-id", "prov", "--service-account", "sa@p.iam.gserviceaccount.com");
        esc.ok("env", "provider", "azure-login", "oidc", "default/app", "tid", "/subscriptions/s", "cid",
                "--path", "clouds[\"azure.main\"]");
        assertThat(definition(esc, "default/app", false)).isEqualTo("""
                values:
                  gcp:
                    login:
                      fn::open::gcp-login:
                        project: 123456789
                        oidc:
                          workloadPoolId: pool2
                          providerId: prov
                          serviceAccount: sa@p.iam.gserviceaccount.com
                  clouds:
                    azure.main:
                      fn::open::azure-login:
                        clientId: cid
                        tenantId: tid
                        subscriptionId: /subscriptions/s
                        oidc: true
                """);
    }

    @Test
    void staticGcpAndAzureKeepTheirSecretsAsStrings() {
        EscHarness esc = esc();
        esc.ok("env", "init", "default/app");
        esc.ok("env", "provider", "gcp-login", "static", "default/app", "0042", "12345", "--service-account",
                "sa@p", "--token-lifetime", "30m");
        esc.ok("env", "provider", "azure-login", "static", "default/app", "tid", "sub", "cid", "true");
        // A secret that reads as a number or a boolean stays a string; the project number is written as a number.
        assertThat(definition(esc, "default/app", true)).isEqualTo("""
                values:
                  gcp:
                    login:
                      fn::open::gcp-login:
                        project: 42
                        accessToken:
                          accessToken:
                            fn::secret: '12345'
                          serviceAccount: sa@p
                          tokenLifetime: 30m
                  azure:
                    login:
                      fn::open::azure-login:
                        clientId: cid
                        tenantId: tid
                        subscriptionId: sub
                        clientSecret:
                          fn::secret: 'true'
                """);
    }

    @Test
    void createMakesTheEnvironmentOnlyWhenItIsMissing() {
        EscHarness esc = esc();
        Result created = esc.ok("env", "provider", "azure-login", "static", "acme/payments/dev", "tid", "sub", "cid",
                "shh-secret", "--create");
        assertThat(created.out()).isEqualTo("Environment created: acme/payments/dev\nProvider updated.\n");
        Result again = esc.ok("env", "provider", "azure-login", "static", "acme/payments/dev", "tid", "sub", "cid",
                "shh-secret-2", "--create");
        assertThat(again.out()).isEqualTo("Provider updated.\n");
        assertThat(definition(esc, "acme/payments/dev", true)).contains("fn::secret: shh-secret-2");
    }

    @Test
    void aMissingEnvironmentWithoutCreateIsOneLineAndChangesNothing() {
        EscHarness esc = esc();
        Result r = esc.run("env", "provider", "aws-login", "static", "default/missing", "AKIA", "shh");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("Error: getting environment definition: not found\n");
        assertThat(esc.ok("env", "ls").out()).isEmpty();
    }

    @Test
    void badArgumentsAreOneLineWithTheDocumentedStatus() {
        EscHarness esc = esc();
        esc.ok("env", "init", "default/app");
        record Case(List<String> args, int status, String err) {}
        List<Case> cases = List.of(
                new Case(List.of("aws-login", "static", "default/app"), 1,
                        "Error: accepts between 2 and 3 arg(s), received 1\n"),
                new Case(List.of("aws-login", "static", "default/app", "AKIA"), 1,
                        "Error: expected <access-key-id> and <secret-access-key>\n"),
                new Case(List.of("azure-login", "static", "default/app", "t", "s", "c"), 1,
                        "Error: expected <tenant-id> <subscription-id> <client-id> <client-secret>\n"),
                new Case(List.of("aws-login", "oidc", "default/app@2", "arn", "sess"), 1,
                        "Error: the provider command does not accept versions\n"),
                new Case(List.of("gcp-login", "static", "default/app", "my-project", "tok"), 1,
                        "Error: invalid project number \"my-project\": must be a positive integer\n"),
                new Case(List.of("gcp-login", "static", "default/app", "0", "tok"), 1,
                        "Error: invalid project number \"0\": must be a positive integer\n"),
                new Case(List.of("aws-login", "static", "default/app", "AKIA", "shh", "--path", "a[b"), 1,
                        null),
                new Case(List.of("aws-login", "static", "default/app", "AKIA", "shh", "--path", ""), 1,
                        "Error: path must contain at least one element\n"),
                new Case(List.of("aws-login", "static", "default/app", "AKIA", "shh", "--draft"), 1,
                        "Error: drafts (change requests) are not supported\n"),
                new Case(List.of("aws-login", "static", "acme//app", "AKIA", "shh"), 1, null));
        for (Case c : cases) {
            String[] args = Stream.concat(Stream.of("env", "provider"), c.args().stream()).toArray(String[]::new);
            Result r = esc.run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(c.status());
            assertThat(r.out()).as(String.join(" ", args)).isEmpty();
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("Error: ");
            if (c.err() != null) {
                assertThat(r.err()).as(String.join(" ", args)).isEqualTo(c.err());
            }
        }
        // Nothing was written by any of them.
        assertThat(definition(esc, "default/app", false)).isEmpty();
    }

    @Test
    void usageErrorsExit2() {
        EscHarness esc = esc();
        Result missing = esc.run("env", "provider", "gcp-login", "oidc", "default/app", "123",
                "--workload-pool-id", "pool");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("--provider-id", "--service-account");
        Result unknown = esc.run("env", "provider", "aws-login", "static", "default/app", "a", "b", "--region", "x");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Error: unknown flag: --region\n");
        Result cloud = esc.run("env", "provider", "oci-login", "static");
        assertThat(cloud.status()).isEqualTo(2);
        assertThat(cloud.err()).startsWith("Error: unknown command \"oci-login\" for \"esc env provider\"\n");
    }

    @Test
    void aPathTheDefinitionCannotTakeFailsWithoutWriting() {
        EscHarness esc = esc();
        esc.ok("env", "init", "default/app");
        esc.ok("env", "set", "default/app", "region", "us-east-1");
        Result scalar = esc.run("env", "provider", "aws-login", "oidc", "default/app", "arn", "sess", "--path",
                "region.login");
        assertThat(scalar.status()).isEqualTo(1);
        assertThat(scalar.err()).isEqualTo("Error: region.login: expected an array or an object\n");
        // A block inside fn::secret is refused by the service: its diagnostic, then one error line.
        Result refused = esc.run("env", "provider", "aws-login", "oidc", "default/app", "arn", "sess", "--path",
                "x[\"fn::secret\"]");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("default/app:").endsWith("Error: provider update failed\n");
        assertThat(definition(esc, "default/app", false)).isEqualTo("values:\n  region: us-east-1\n");
    }

    @Test
    void worksAgainstAServerTheSameWay(@TempDir Path serverDir) throws Exception {
        try (RunningServer server = EscServer.start(ServerConfig.at(serverDir).withListen("127.0.0.1", 0)
                .withStopTimeout(java.time.Duration.ofSeconds(1)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            String token = Files.readString(serverDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
            EscHarness esc = esc();
            esc.ok("login", server.publicUrl(), "--token", token);
            Result created = esc.ok("env", "provider", "aws-login", "static", "admin/proj/app", "AKIAEXAMPLE",
                    "srv-s3cr3t", "--create");
            assertThat(created.out()).isEqualTo("Environment created: admin/proj/app\nProvider updated.\n");
            assertThat(definition(esc, "admin/proj/app", false)).contains("ciphertext: ")
                    .doesNotContain("srv-s3cr3t");
            assertThat(definition(esc, "admin/proj/app", true)).contains("fn::secret: srv-s3cr3t");
            Result missing = esc.run("env", "provider", "aws-login", "oidc", "admin/proj/none", "arn", "sess");
            assertThat(missing.status()).isEqualTo(1);
            assertThat(missing.err()).isEqualTo("Error: getting environment definition: not found\n");
            esc.ok("logout");
        }
    }
}
