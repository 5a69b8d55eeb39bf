package dev.openesc.server.rgw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's awscli ({@code /usr/bin/aws}: an older aws may come first on PATH) with nothing from the
 * machine: no config or credentials file, no inherited {@code AWS_*} variable, only the keys given.
 */
public final class AwsCli {

    public static final Path BINARY = Path.of("/usr/bin/aws");

    /** What a finished command printed. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final String endpoint;
    private final Map<String, String> credentials;

    private AwsCli(String endpoint, Map<String, String> credentials) {
        this.endpoint = endpoint;
        this.credentials = Map.copyOf(credentials);
    }

    /** Signs with these keys. */
    static AwsCli withKeys(String endpoint, String accessKeyId, String secretAccessKey) {
        return new AwsCli(endpoint, Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", secretAccessKey));
    }

    /** Signs with a role session's temporary credentials. */
    public static AwsCli withSession(String endpoint, StsAnswer.Granted session) {
        return new AwsCli(endpoint, Map.of("AWS_ACCESS_KEY_ID", session.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", session.secretAccessKey(), "AWS_SESSION_TOKEN", session.sessionToken()));
    }

    /** The environment every aws run here gets: isolated from the machine's AWS setup. */
    public static Map<String, String> isolatedEnvironment() {
        return Map.of("AWS_DEFAULT_REGION", "us-east-1", "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_EC2_METADATA_DISABLED", "true", "AWS_PAGER", "");
    }

    /** Runs {@code aws <args> --endpoint-url <RGW>}; throws when it fails. */
    public String run(String... args) {
        Result result = attempt(args);
        if (!result.succeeded()) {
            throw new IllegalStateException("aws " + args[0] + " " + (args.length > 1 ? args[1] : "") + " failed ("
                    + result.exitCode() + "): " + result.stderr().strip());
        }
        return result.stdout();
    }

    /** Runs {@code aws <args> --endpoint-url <RGW>} and returns how it ended. */
    public Result attempt(String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        command.add("--endpoint-url");
        command.add(endpoint);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(isolatedEnvironment());
        builder.environment().putAll(credentials);
        try {
            Path out = Files.createTempFile("openesc-aws-", ".out");
            Path err = Files.createTempFile("openesc-aws-", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("aws " + args[0] + " did not finish within 60 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + BINARY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running aws", e);
        }
    }
}
