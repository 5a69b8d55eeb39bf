package dev.openesc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

/**
 * The local commands that decrypt ({@code open}, {@code run}) start none of the JDK's security providers, and no
 * library's crypto: their secrets go through the CLI's own AES-GCM ({@code LightweightAesGcm}), and the open's audit
 * id through no {@code SecureRandom} (docs/decisions.md 23, 29). The provider list, SunJCE and the crypto policy
 * were about 24 ms of a {@code run}'s CPU, BouncyCastle's start (its registrar starts {@code java.util.logging}, whose
 * look-up of a logging back-end opens lib/esc.jar) about 15 ms more; whatever brings one of them back onto this path
 * fails here, and should say what it costs. Each command runs in a JVM of its own that logs the classes it loads, set
 * up as {@code bin/esc} sets up the distribution's: a signed jar's verification starts the providers by itself, so
 * those JVMs get a copy of any signed jar without its signature, as the distribution's jar is; and SQLite's native
 * library comes from a folder, as the distribution's {@code lib/native} (extracted from its jar, sqlite-jdbc names
 * the copy with a random UUID).
 */
@Timeout(120)
class DecryptionStartsNoProviderTest {

    private static final List<String> PROVIDER_START = List.of("sun.security.jca.ProviderList",
            "com.sun.crypto.provider.SunJCE", "javax.crypto.JceSecurity", "java.security.SecureRandom");
    /** The JDK's logging, whose start looks for a logging back-end through the class path (opening lib/esc.jar). */
    private static final String JDK_LOGGING = "java.util.logging.LogManager";

    @TempDir
    Path work;

    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        home = work.resolve("home");
        EscHarness esc = new EscHarness(home);
        // No `files`: their private folder's random name comes from SecureRandom (Files.createTempDirectory).
        esc.init("default/app", """
                values:
                  greeting: hello
                  password:
                    fn::secret: hunter22
                  environmentVariables:
                    GREETING: ${greeting}
                    PASSWORD: ${password}
                """);
    }

    @Test
    void openAndRunDecryptWithoutStartingASecurityProvider() throws Exception {
        List<String> jvm = List.of("-cp", classPathWithUnsignedJars(), "-Dorg.sqlite.lib.path=" + sqliteLibrary(),
                "-Dorg.sqlite.lib.name=" + System.mapLibraryName("sqlitejdbc"));

        MainInItsOwnJvm.Run open = MainInItsOwnJvm.run(work, home, jvm, "open", "default/app", "--format", "dotenv");
        MainInItsOwnJvm.Run run = MainInItsOwnJvm.run(work, home, jvm, "run", "default/app", "--", "true");

        assertThat(open.stdout()).contains("hunter22");
        for (MainInItsOwnJvm.Run each : List.of(open, run)) {
            assertThat(each.loaded()).as("decrypted through the CLI's own AES-GCM")
                    .contains("dev.openesc.server.crypto.LightweightAesGcm", "dev.openesc.server.crypto.Ghash");
            assertThat(each.loaded()).doesNotContainAnyElementsOf(PROVIDER_START).doesNotContain(JDK_LOGGING);
            assertThat(each.loaded()).as("BouncyCastle").noneMatch(name -> name.startsWith("org.bouncycastle."));
        }
    }

    /** The folder of SQLite's native library for this machine, copied out of sqlite-jdbc's jar. */
    private Path sqliteLibrary() throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        Path folder = Files.createDirectories(work.resolve("native"));
        try (InputStream library = OSInfo.class.getResourceAsStream(resource)) {
            assertThat(library).as(resource).isNotNull();
            Files.copy(library, folder.resolve(name));
        }
        return folder;
    }

    /** This test's class path with every signed jar replaced by a copy without its signature files. */
    private String classPathWithUnsignedJars() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry.endsWith(".jar") && signed(Path.of(entry)) ? unsigned(Path.of(entry)).toString() : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean signed(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.stream().anyMatch(entry -> signatureFile(entry.getName()));
        }
    }

    private Path unsigned(Path jar) throws IOException {
        Path copy = Files.createTempFile(work, "unsigned-", ".jar");
        try (JarFile in = new JarFile(jar.toFile(), false);
             OutputStream file = Files.newOutputStream(copy);
             JarOutputStream out = new JarOutputStream(file)) {
            for (JarEntry entry : in.stream().toList()) {
                if (signatureFile(entry.getName()) || entry.getName().equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return copy;
    }

    private static boolean signatureFile(String name) {
        return name.startsWith("META-INF/") && name.indexOf('/', "META-INF/".length()) < 0
                && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC"));
    }
}
