package dev.openesc.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs esc's {@link Main} in a JVM of its own, as a user's command runs (its start-up, its warm-up thread, its
 * system properties), logging the classes it loads: for the tests of what a command's start does and does not load.
 */
final class MainInItsOwnJvm {
    /** What one command printed, and the names of the classes its JVM loaded, in order. */
    record Run(String stdout, String stderr, List<String> loaded) {}

    private MainInItsOwnJvm() {}

    /**
     * Runs {@code esc args} with {@code home} as its ESC_HOME and {@code jvmOptions} (which must give the class path),
     * writing its logs under {@code work}; fails unless it exits 0 within a minute.
     */
    static Run run(Path work, Path home, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "classes", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log + ":none"));
        argv.addAll(jvmOptions);
        argv.add(Main.class.getName());
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(err.toFile());
        builder.environment().put("ESC_HOME", home.toString());
        builder.environment().put("ESC_LOCAL_USER", "tester");
        builder.environment().remove("ESC_ACCESS_TOKEN");
        builder.environment().remove("PULUMI_ACCESS_TOKEN");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err, UTF_8);
        assertThat(process.exitValue()).as(out + stderr).isZero();
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(log, UTF_8)) {
            int end = line.indexOf(' ');
            names.add(end < 0 ? line : line.substring(0, end));
        }
        return new Run(out, stderr, names);
    }
}
