package dev.openesc.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server (or the bare Javalin baseline) in a child JVM on this benchmark's class path, so that its CPU,
 * heap and JIT are its own and its resident memory can be read from {@code /proc}. The child prints the
 * URL it listens on; its output goes to a log file beside the run's data.
 */
final class ServerProcess implements AutoCloseable {

    /**
     * The JVM options {@code bin/esc} gives {@code esc server} (esc-cli's {@code src/dist/bin/esc}); the run can
     * be repeated with others through {@code -Dload.serverJvm}.
     */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-Xmn64m", "-Xss2m");

    /** What {@code bin/esc} gives every other command, and gave {@code esc server} before: C1 only. */
    static final List<String> CLI_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss2m");

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final URI url;

    private ServerProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code mainClass} with {@code args} and waits (up to two minutes) until it says where it listens. */
    static ServerProcess start(List<String> jvmFlags, String mainClass, List<String> args, Map<String, String> env,
                               Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, listening), "output-" + log.getFileName());
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServerProcess(process, listening.get(120, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while " + mainClass + " started");
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException(mainClass + " did not start; see " + log, e);
        }
    }

    /** Copies the child's output to its log and notices the line with its URL. */
    private static void pump(Process process, Path log, CompletableFuture<URI> listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
                Matcher matcher = LISTENING.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                    out.flush();
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IOException("the process ended"));
    }

    URI url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** The child's resident set now and at its peak ({@code VmRSS}, {@code VmHWM} of /proc), in MiB. */
    Memory memory() throws IOException {
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kilobytes(line);
            }
        }
        return new Memory(rss / 1024.0, peak / 1024.0);
    }

    /** CPU time (user and system) the child has used so far, from {@code /proc/<pid>/stat}. */
    long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // the fields after the command name, which is in parentheses and may contain spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14 and 15
        return ticks * (1_000_000_000L / CLOCK_TICKS);
    }

    /** USER_HZ, 100 on Linux for every architecture the JDK runs on. */
    private static final long CLOCK_TICKS = 100;

    /** Resident memory in MiB. */
    record Memory(double residentMib, double peakMib) {
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /** Stops the child as the operator would (SIGTERM, graceful), then forcibly after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
