package dev.openesc.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChildLaunchWarmupTest {

    /** It runs on every `esc run`'s warm-up thread: it must leave nothing behind that the run would then see. */
    @Test
    void startsNoThreadAndNoProcess() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        long children = ProcessHandle.current().children().count();

        ChildLaunchWarmup.prepare();

        Set<Thread> after = new HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        assertThat(after).isEmpty();
        assertThat(ProcessHandle.current().children().count()).isEqualTo(children);
    }
}
