package dev.openesc.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.EscHarness;
import dev.openesc.cli.EscHarness.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend loads the built-in providers: static logins open, OIDC logins say they need a server. */
class LocalLoginProvidersTest {

    @TempDir
    Path home;

    EscHarness esc;

    @BeforeEach
    void setUp() {
        esc = new EscHarness(home);
    }

    private void define(String env, String yaml) throws Exception {
        esc.init(env, yaml);
    }

    @Test
    void staticAwsKeysOpenLocally() throws Exception {
        define("proj/static", """
                values:
                  aws:
                    login:
                      fn::open::aws-login:
                        static:
                          accessKeyId: AKIAEXAMPLE
                          secretAccessKey: {fn::secret: shhh}
                  environmentVariables:
                    AWS_ACCESS_KEY_ID: ${aws.login.accessKeyId}
                    AWS_SECRET_ACCESS_KEY: ${aws.login.secretAccessKey}
                """);
        assertThat(esc.ok("open", "proj/static", "--format", "dotenv").out())
                .contains("AWS_ACCESS_KEY_ID=\"AKIAEXAMPLE\"").contains("AWS_SECRET_ACCESS_KEY=\"shhh\"");
    }

    @Test
    void anOidcLoginSaysItNeedsAServer() throws Exception {
        define("proj/oidc", """
                values:
                  aws:
                    login:
                      fn::open::aws-login:
                        oidc:
                          roleArn: arn:aws:iam::123456789012:role/deploy
                          sessionName: esc
                """);
        Result open = esc.run("open", "proj/oidc");
        assertThat(open.status()).isNotZero();
        assertThat(open.err()).contains("aws-login: OIDC logins need a server").contains("esc server")
                .contains("esc login");
    }
}
