package dev.openesc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code esc env get}'s own path (the command, the local backend, its service and stores) makes no lambda or method
 * reference of ours: each is linked by a bootstrap of its own the first time it runs, through LambdaMetafactory even
 * when its class comes from the class-data archive, about 0.1 ms of the main thread's CPU per site, and that path had
 * 44 of them (docs/decisions.md 25). The evaluation's lambdas (esc-core) are linked on the warm-up and evaluator
 * threads and are allowed. The command runs in a JVM of its own that logs the classes it loads; a lambda's class is
 * named after the class that holds it.
 */
@Timeout(120)
class StartupLinksNoLambdaTest {

    @TempDir
    Path work;

    @Test
    void envGetMakesNoLambdaOutsideTheEvaluation() throws Exception {
        Path home = work.resolve("home");
        EscHarness esc = new EscHarness(home);
        esc.init("default/app", """
                values:
                  greeting: hello
                  password:
                    fn::secret: hunter22
                  environmentVariables:
                    GREETING: ${greeting}-${password}
                """);

        MainInItsOwnJvm.Run run = MainInItsOwnJvm.run(work, home, List.of("-cp", System.getProperty("java.class.path")),
                "env", "get", "default/app");

        assertThat(run.stdout()).contains("GREETING", "[secret]");
        List<String> lambdas = new ArrayList<>();
        for (String name : run.loaded()) {
            if (name.contains("$$Lambda$")) {
                lambdas.add(name);
            }
        }
        assertThat(lambdas).as("the evaluation's lambdas were seen, so the log shows lambdas")
                .anyMatch(name -> name.startsWith("dev.openesc.core."));
        assertThat(lambdas).filteredOn(name -> name.startsWith("dev.openesc.") && !name.startsWith("dev.openesc.core."))
                .isEmpty();
    }
}
