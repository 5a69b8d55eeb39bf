package dev.openesc.server.http;

import dev.openesc.server.testing.SharedPostgres;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published ESC TypeScript SDK against our server: {@code src/test/js/sdk-e2e.mjs} calls every
 * method of its {@code EscApi} class and asserts on each answer. Runs with {@code @pulumi/esc-sdk@0.12.4}
 * (installed with {@code npm ci} from the lock file when missing), then with the newest 0.13+ release
 * if the registry serves one.
 */
class SdkEndToEndTest {

    private static final Path JS = Path.of(System.getProperty("basedir", ".")).resolve("src/test/js");
    private static final String SECRET = "sdk-plaintext-" + Long.toHexString(System.nanoTime());

    @Test
    @SuppressWarnings("try") // closed early on purpose: the logs and files are read after the stop
    void everyEscApiMethodOfSdk012WorksAgainstTheServer(@TempDir Path data) throws Exception {
        if (!Files.isDirectory(JS.resolve("node_modules/@pulumi/esc-sdk"))) {
            run(JS, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
        }
        try (CapturedLogs logs = new CapturedLogs(); RestServer server = RestServer.start(data)) {
            Run result = sdk(server, JS);
            assertThat(result.exit).as(result.output).isZero();
            assertThat(result.output).contains("# @pulumi/esc-sdk v0.12.4").contains("steps passed")
                    .doesNotContain("not ok");
            server.close();
            assertThat(logs.text()).contains("route=").doesNotContain(SECRET);
            assertThat(SecretLeakTest.allBytesUnder(data)).doesNotContain(SECRET);
        }
    }

    @Test
    void sdk012WorksAgainstTheServerOnPostgresql(@TempDir Path data) throws Exception {
        if (!Files.isDirectory(JS.resolve("node_modules/@pulumi/esc-sdk"))) {
            run(JS, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
        }
        try (RestServer server = RestServer.start(data,
                config -> config.withDatabaseUrl(SharedPostgres.freshDatabaseUrl()))) {
            Run result = sdk(server, JS);
            assertThat(result.exit).as(result.output).isZero();
            assertThat(result.output).contains("# @pulumi/esc-sdk v0.12.4").contains("steps passed")
                    .doesNotContain("not ok");
        }
    }

    @Test
    void newestSdkFromTheRegistryWorksToo(@TempDir Path data, @TempDir Path install) throws Exception {
        String newest = newest013();
        if (newest == null) {
            // The registry serves the TypeScript SDK up to 0.12.4 only; the 0.13+ answers (204 for create and
            // delete) are covered by RestApiContractTest.
            System.out.println("no @pulumi/esc-sdk 0.13+ is served; nothing more to run");
            return;
        }
        Files.writeString(install.resolve("package.json"), "{\"private\":true}");
        run(install, List.of("npm", "install", "--no-audit", "--no-fund", "@pulumi/esc-sdk@" + newest), Map.of(), 300);
        try (RestServer server = RestServer.start(data)) {
            Run result = sdk(server, install);
            assertThat(result.exit).as(result.output).isZero();
            assertThat(result.output).contains("steps passed");
        }
    }

    private static Run sdk(RestServer server, Path sdkDir) throws Exception {
        return run(JS, List.of("node", "sdk-e2e.mjs"), Map.of(
                "ESC_URL", server.url(""),
                "ESC_TOKEN", server.adminToken,
                "ESC_ORG", RestServer.ORG,
                "ESC_SDK_DIR", sdkDir.toAbsolutePath().toString(),
                "ESC_SECRET", SECRET), 180);
    }

    /** The newest 0.13+ release the registry serves, or null; asserts the registry answered at all. */
    private static String newest013() throws Exception {
        Run view = run(JS, List.of("npm", "view", "@pulumi/esc-sdk", "versions", "--json"), Map.of(), 120);
        assertThat(view.exit).as(view.output).isZero();
        JsonNode versions = Json.MAPPER.readTree(view.output.substring(view.output.indexOf('[')));
        List<int[]> releases = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode v : versions) {
            String text = v.asText();
            if (!text.matches("v?\\d+\\.\\d+\\.\\d+")) {
                continue; // pre-releases
            }
            texts.add(text);
            String[] parts = text.replaceFirst("^v", "").split("\\.");
            releases.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])});
        }
        assertThat(texts).as("the registry's versions of the SDK").contains("0.12.4");
        String newest = null;
        int[] best = {0, 13, -1};
        for (int i = 0; i < releases.size(); i++) {
            if (java.util.Arrays.compare(releases.get(i), best) > 0) {
                best = releases.get(i);
                newest = texts.get(i);
            }
        }
        return newest;
    }

    record Run(int exit, String output) {
    }

    private static Run run(Path dir, List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println(text);
        return new Run(process.exitValue(), text);
    }
}
