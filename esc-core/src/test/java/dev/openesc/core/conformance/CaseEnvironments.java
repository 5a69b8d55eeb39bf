package dev.openesc.core.conformance;

import dev.openesc.core.crypt.Decrypter;
import dev.openesc.core.provider.EnvironmentLoadException;
import dev.openesc.core.provider.EnvironmentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imported environments of a case: {@code X} is {@code <case>/X.yaml} ({@code foo/bar} is {@code <case>/foo/bar.yaml}).
 * A missing file is reported as the reference's harness saw it from Go's os.ReadFile, with the path as that harness
 * spelled it (relative to the eval package, cleaned like filepath.Join), e.g.
 * {@code open testdata/eval/inline-reference/foo/unknown.yaml: no such file or directory}.
 */
final class CaseEnvironments implements EnvironmentLoader {
    private final Path caseDir;
    private final String caseFolder;
    private final Decrypter decrypter;

    CaseEnvironments(Path caseDir, String caseFolder, Decrypter decrypter) {
        this.caseDir = caseDir;
        this.caseFolder = caseFolder;
        this.decrypter = decrypter;
    }

    @Override
    public LoadedEnvironment load(String name) throws EnvironmentLoadException {
        // Joined like Go's filepath.Join: a leading "/" in the name does not make it absolute.
        Path file = Path.of(caseDir.toString(), name + ".yaml").normalize();
        String shown = referencePath(caseFolder, name);
        if (Files.isDirectory(file)) {
            throw new EnvironmentLoadException("read " + shown + ": is a directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new EnvironmentLoadException("open " + shown + ": no such file or directory");
        }
        try {
            return new LoadedEnvironment(Files.readAllBytes(file), decrypter);
        } catch (IOException e) {
            throw new EnvironmentLoadException("open " + shown + ": " + e.getMessage(), e);
        }
    }

    /** The file's path as the reference's harness named it: {@code testdata/eval/<case>/<name>.yaml}, cleaned. */
    static String referencePath(String caseFolder, String name) {
        return Path.of("testdata", "eval", caseFolder, name + ".yaml").normalize().toString().replace('\\', '/');
    }
}
