package dev.openesc.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMasterKeyTest {

    @TempDir
    Path home;

    @Test
    void aNewKeyFileIsOwnerOnlyAndReadsBackAsTheSameKey() throws Exception {
        Path file = home.resolve("nested/dir/master.key");

        LocalMasterKey created = LocalMasterKey.loadOrCreate(file);
        LocalMasterKey reread = LocalMasterKey.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(reread.id()).isEqualTo(created.id()).startsWith("local:");
        byte[] sealed = created.aead().encrypt("data key".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(reread.aead().decrypt(sealed, new byte[0])).asString(StandardCharsets.UTF_8).isEqualTo("data key");
    }

    @Test
    void theEnvironmentVariableWinsOverTheFile() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        Path file = home.resolve("master.key");

        LocalMasterKey fromEnv = LocalMasterKey.resolve(Map.of(LocalMasterKey.ENV_KEY, key), file);

        assertThat(fromEnv.id()).isEqualTo(LocalMasterKey.fromBase64(key).id());
        assertThat(file).doesNotExist();
        LocalMasterKey fromNamedFile = LocalMasterKey.resolve(
                Map.of(LocalMasterKey.ENV_KEY_FILE, home.resolve("other.key").toString()), file);
        assertThat(home.resolve("other.key")).exists();
        assertThat(fromNamedFile.id()).isNotEqualTo(fromEnv.id());
    }

    @Test
    void malformedKeysAreRefused() {
        assertThatThrownBy(() -> LocalMasterKey.fromBase64("not base64!")).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> LocalMasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(CryptoException.class).hasMessageContaining("32 bytes");
    }
}
