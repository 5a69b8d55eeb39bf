package dev.openesc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.backend.LocalBackend;
import dev.openesc.providers.BuiltinProviders;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.identity.IdentityTokens;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command leaves a thread running in native code behind. {@code System.exit} waits for such threads to reach a
 * safe point, polling for up to about 300 ms (HotSpot's exit gives a thread in native code 30 rounds of 10 ms):
 * an idle HTTP client's selector in {@code epoll_wait}, or a reader blocked on a pipe, made every command that
 * much slower to end. Threads that wait in Java (parked, in {@code Object.wait}) stop at once and are fine.
 */
class ThreadsAtExitTest {

    @TempDir
    Path home;

    private EscHarness esc;
    private Set<Thread> before;

    @BeforeEach
    void setUp() throws Exception {
        before = new HashSet<>(Thread.getAllStackTraces().keySet());
        esc = new EscHarness(home);
        esc.init("default/app", """
                values:
                  greeting: hello
                  password:
                    fn::secret: hunter22
                  environmentVariables:
                    GREETING: ${greeting}
                    PASSWORD: ${password}
                  files:
                    CONFIG: ${greeting}
                """);
    }

    @Test
    void theEverydayCommandsLeaveNoThreadInNativeCode() throws Exception {
        esc.ok("version");
        esc.ok("env", "ls");
        esc.ok("env", "get", "default/app");
        esc.ok("env", "get", "default/app", "--value", "json", "--show-secrets");
        esc.ok("open", "default/app", "--format", "dotenv");
        esc.ok("env", "set", "default/app", "extra", "value");
        assertThat(esc.runWithInput("typed input\n", "run", "default/app", "--", "sh", "-c",
                "cat >/dev/null; echo \"$GREETING\"").out()).isEqualTo("hello\n");
        esc.ok("run", "default/app", "--", "true");

        assertThat(threadsInNativeCode()).isEmpty();
    }

    @Test
    void makingTheBuiltInProvidersStartsNoThreadInNativeCode() throws Exception {
        BuiltinProviders providers = new BuiltinProviders(ProviderSettings.defaults(),
                IdentityTokens.unavailable("none here"), Clock.systemUTC());
        LocalBackend.Service service = LocalBackend.start(home, Map.of("ESC_LOCAL_USER", "tester"), providers);
        service.storage().close();

        assertThat(providers.providerNames()).isNotEmpty();
        assertThat(threadsInNativeCode()).isEmpty();
    }

    /**
     * The threads started since the test began that run in a native method, sampled a few times so that a thread
     * passing through one (a quick system call) is not mistaken for one that stays there.
     */
    private List<String> threadsInNativeCode() throws InterruptedException {
        List<String> stuck = null;
        for (int sample = 0; sample < 5; sample++) {
            List<String> now = new ArrayList<>();
            for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
                Thread thread = entry.getKey();
                StackTraceElement[] stack = entry.getValue();
                if (!before.contains(thread) && thread.getState() == Thread.State.RUNNABLE && stack.length > 0
                        && stack[0].isNativeMethod()) {
                    now.add(thread.getName() + " in " + stack[0]);
                }
            }
            if (stuck != null) {
                now.retainAll(stuck);
            }
            stuck = now;
            if (stuck.isEmpty()) {
                return stuck;
            }
            Thread.sleep(50);
        }
        return stuck;
    }
}
