package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.server.crypto.LocalMasterKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default, end to end: a SQLite file and a generated master key under one home directory. */
class StorageTest {

    @TempDir
    Path home;

    @Test
    void theEmbeddedStoreSurvivesARestart() {
        String url = home.resolve("esc.db").toString();
        Path keyFile = home.resolve("master.key");
        String admin;
        try (Storage storage = Storage.open(url, LocalMasterKey.loadOrCreate(keyFile), SessionPolicy.defaults(),
                DatabaseOptions.defaults())) {
            IssuedToken token = storage.identity().bootstrap("admin", "Admin", "default-org").orElseThrow();
            admin = token.secret();
            storage.environments().create(new EnvironmentId("default-org", "default", "dev"),
                    storage.keyring().encrypt("default-org", "s3cret".getBytes(StandardCharsets.UTF_8)),
                    new Editor("admin", "Admin"));
        }
        try (Storage storage = Storage.open(url, LocalMasterKey.loadOrCreate(keyFile), SessionPolicy.defaults(),
                DatabaseOptions.defaults())) {
            assertThat(storage.identity().bootstrap("admin", "Admin", "default-org")).isEmpty();
            assertThat(storage.identity().authenticate(admin)).isPresent();
            byte[] stored = storage.environments().latest(new EnvironmentId("default-org", "default", "dev"))
                    .definition();
            assertThat(storage.keyring().decrypt("default-org", stored)).asString(StandardCharsets.UTF_8)
                    .isEqualTo("s3cret");
        }
    }
}
