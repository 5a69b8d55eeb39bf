package dev.openesc.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code bin/esc} run through symbolic links from another folder, as a user links it into
 * {@code ~/bin}: it must find the jars beside the script it links to. The distribution is built here (the
 * packaged one comes after the tests): the launcher from {@code src/dist/bin}, and {@code lib} with this test's
 * class path, its class folders made into jars since the launcher's class path takes jars only, and a
 * {@code lib/esc.jar} (the one jar the launcher names) whose manifest lists them all.
 */
@Timeout(120)
class LauncherSymlinkTest {
    @TempDir
    Path work;

    Path launcher;

    @BeforeEach
    void buildDistribution() throws IOException {
        Path dist = work.resolve("dist");
        Path lib = Files.createDirectories(dist.resolve("lib"));
        launcher = Files.createDirectories(dist.resolve("bin")).resolve("esc");
        Files.copy(Path.of("src/dist/bin/esc"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        int n = 0;
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            Path jar = lib.resolve(n++ + "-" + path.getFileName() + (Files.isDirectory(path) ? ".jar" : ""));
            if (Files.isDirectory(path) && !path.endsWith("test-classes")) {
                jar(path, jar);
            } else if (entry.endsWith(".jar")) {
                Files.createSymbolicLink(jar, path.toAbsolutePath());
            } else {
                continue;
            }
            classPath.add(jar.getFileName().toString());
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream file = Files.newOutputStream(lib.resolve("esc.jar"));
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            // the manifest is all it holds
        }
    }

    @Test
    void anAbsoluteLinkFromAnotherFolderRuns() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("home/bin"));
        Files.createSymbolicLink(elsewhere.resolve("esc"), launcher);
        assertVersionRuns(elsewhere, "./esc");
        assertVersionRuns(work, elsewhere.resolve("esc").toString());
    }

    @Test
    void aChainOfRelativeLinksRuns() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("home/bin"));
        Path other = Files.createDirectories(work.resolve("opt"));
        // home/bin/esc -> ../../opt/esc-current -> ../dist/bin/esc: each target relative to its own link's folder
        Files.createSymbolicLink(other.resolve("esc-current"), Path.of("../dist/bin/esc"));
        Files.createSymbolicLink(elsewhere.resolve("esc"), Path.of("../../opt/esc-current"));
        assertVersionRuns(elsewhere, "./esc");
        assertVersionRuns(work, "home/bin/esc");
    }

    private void assertVersionRuns(Path directory, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command, "version")).directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ESC_HOME", work.resolve("esc-home").toString());
        Process esc = builder.start();
        String out = new String(esc.getInputStream().readAllBytes(), UTF_8);
        assertThat(esc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(command + " in " + directory).startsWith("v0.").doesNotContain("Could not find");
        assertThat(esc.exitValue()).isZero();
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
