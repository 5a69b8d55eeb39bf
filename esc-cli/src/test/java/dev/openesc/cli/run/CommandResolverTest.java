package dev.openesc.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.run.CommandResolver.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandResolverTest {

    @TempDir
    Path dir;

    private Path script(String name, String mode) throws IOException {
        Path path = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    @Test
    void findsTheFirstExecutableOnThePath() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        script("a/tool", "rw-r--r--");
        Path good = script("b/tool", "rwxr-xr-x");
        String path = dir.resolve("a") + ":" + dir.resolve("b");
        assertThat(CommandResolver.resolve("tool", path)).isEqualTo(new Resolution.Found(good));
    }

    @Test
    void reportsANonExecutableWhenThereIsNothingBetter() throws IOException {
        Path plain = script("tool", "rw-r--r--");
        assertThat(CommandResolver.resolve("tool", dir.toString())).isEqualTo(new Resolution.NotExecutable(plain));
        assertThat(CommandResolver.resolve(dir.toString(), "")).isInstanceOf(Resolution.NotExecutable.class);
    }

    @Test
    void namesWithASlashAreNotSearched() throws IOException {
        Path tool = script("tool", "rwx------");
        assertThat(CommandResolver.resolve(tool.toString(), "/nonexistent")).isEqualTo(new Resolution.Found(tool));
        assertThat(CommandResolver.resolve("sub/tool", dir.toString())).isEqualTo(new Resolution.NotFound());
    }

    @Test
    void emptyPathEntriesDoNotMeanTheCurrentFolder() {
        assertThat(CommandResolver.resolve("pom.xml", ":")).isEqualTo(new Resolution.NotFound());
        assertThat(CommandResolver.resolve("", "/bin")).isEqualTo(new Resolution.NotFound());
        assertThat(CommandResolver.resolve("sh", null)).isEqualTo(new Resolution.NotFound());
        assertThat(CommandResolver.resolve("sh")).isInstanceOf(Resolution.Found.class);
    }

    @Test
    void aNameTheSystemCannotCarryIsNotFound() {
        assertThat(CommandResolver.resolve("s\0h", "/bin:/usr/bin")).isEqualTo(new Resolution.NotFound());
        assertThat(CommandResolver.resolve("/bin/s\0h", "")).isEqualTo(new Resolution.NotFound());
    }
}
