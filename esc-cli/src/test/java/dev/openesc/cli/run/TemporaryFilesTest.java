package dev.openesc.cli.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFilesTest {

    @TempDir
    Path parent;

    @Test
    void writesEachFilePrivatelyInAPrivateFolder() throws IOException {
        try (TemporaryFiles files = TemporaryFiles.create(
                Map.of("NUM_FILE", "3.14", "FILE", "export F=1\n", "BOOL_FILE", "true", "KÉY", "ünïcode"), parent)) {
            assertThat(files.folder().getParent()).isEqualTo(parent);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.folder())))
                    .isEqualTo("rwx------");
            assertThat(files.paths().keySet()).containsExactly("BOOL_FILE", "FILE", "KÉY", "NUM_FILE");
            for (Path path : files.paths().values()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
                assertThat(path.getParent()).isEqualTo(files.folder());
            }
            assertThat(Files.readString(files.paths().get("FILE"))).isEqualTo("export F=1\n");
            assertThat(Files.readString(files.paths().get("KÉY"), UTF_8)).isEqualTo("ünïcode");
            assertThat(files.paths().get("FILE")).hasFileName("FILE");
            assertThat(files.paths().get("KÉY").getFileName().toString()).startsWith(".file-");
            assertThat(files.variables()).containsEntry("FILE", files.paths().get("FILE").toAbsolutePath().toString());
        }
    }

    @Test
    void namesThatAreNotPlainFileNamesGetNumberedOnes() throws IOException {
        try (TemporaryFiles files = TemporaryFiles.create(
                Map.of("../escape", "a", "with/slash", "b", ".hidden", "c", "file-0", "d"), parent)) {
            for (Path path : files.paths().values()) {
                assertThat(path.getParent()).isEqualTo(files.folder());
            }
            assertThat(files.paths().get("file-0")).hasFileName("file-0");
            assertThat(Files.readString(files.paths().get("with/slash"))).isEqualTo("b");
        }
    }

    @Test
    void closeRemovesEverythingAndCanBeRepeated() throws IOException {
        TemporaryFiles files = TemporaryFiles.create(Map.of("A", "a", "B", "b"), parent);
        Files.writeString(files.folder().resolve("left-by-the-command"), "x");
        Files.createDirectories(files.folder().resolve("sub/dir"));
        files.close();
        assertThat(files.folder()).doesNotExist();
        files.close();
        try (var left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void emptyContentIsAnEmptyFile() throws IOException {
        try (TemporaryFiles files = TemporaryFiles.create(Map.of("EMPTY", ""), parent)) {
            assertThat(files.paths().get("EMPTY")).isEmptyFile();
        }
    }
}
