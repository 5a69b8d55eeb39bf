package dev.openesc.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.Dialect;
import dev.openesc.server.store.OpenSession;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.SessionStore;
import dev.openesc.server.store.SigningKeyStore;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

class OrgKeyringTest {

    private static final byte[] SECRET = "correct-horse-battery-staple-42".getBytes(StandardCharsets.UTF_8);

    @StoreTest
    void ciphertextsAreBoundToTheirOrganizationAndContext(StoreFixture fixture) {
        OrgKeyring keyring = fixture.keyring();

        byte[] sealed = keyring.encrypt("acme", SECRET);

        assertThat(keyring.decrypt("acme", sealed)).isEqualTo(SECRET);
        assertThatThrownBy(() -> keyring.decrypt("beta", sealed)).isInstanceOf(CryptoException.class);
        byte[] withContext = keyring.encrypt("acme", SECRET, bytes("session 1"));
        assertThat(keyring.decrypt("acme", withContext, bytes("session 1"))).isEqualTo(SECRET);
        assertThatThrownBy(() -> keyring.decrypt("acme", withContext, bytes("session 2")))
                .isInstanceOf(CryptoException.class);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> keyring.decrypt("acme", tampered)).isInstanceOf(CryptoException.class);
    }

    @StoreTest
    void anotherReplicaWithTheSameMasterKeyDecryptsAndAnotherMasterKeyCannot(StoreFixture fixture) {
        byte[] sealed = fixture.keyring().encrypt("acme", SECRET);

        OrgKeyring sameMaster = new OrgKeyring(fixture.open(DatabaseOptions.defaults()),
                LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY));
        assertThat(sameMaster.decrypt("acme", sealed)).isEqualTo(SECRET);

        byte[] otherKey = StoreFixture.TEST_MASTER_KEY_BYTES.clone();
        otherKey[0] ^= 1;
        OrgKeyring otherMaster = new OrgKeyring(fixture.db(),
                LocalMasterKey.fromBase64(Base64.getEncoder().encodeToString(otherKey)));
        assertThatThrownBy(() -> otherMaster.decrypt("acme", sealed))
                .isInstanceOf(CryptoException.class).hasMessageContaining("wrapped by master key");
    }

    @StoreTest
    void replicasCreatingTheFirstKeyAtOnceAgreeOnOne(StoreFixture fixture) throws Exception {
        OrgKeyring first = fixture.keyring();
        OrgKeyring second = new OrgKeyring(fixture.open(DatabaseOptions.defaults()),
                LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY));

        CompletableFuture<byte[]> a = CompletableFuture.supplyAsync(() -> first.encrypt("race", SECRET));
        CompletableFuture<byte[]> b = CompletableFuture.supplyAsync(() -> second.encrypt("race", SECRET));

        assertThat(second.decrypt("race", a.get())).isEqualTo(SECRET);
        assertThat(first.decrypt("race", b.get())).isEqualTo(SECRET);
    }

    @StoreTest
    void rotationKeepsOldCiphertextsReadable(StoreFixture fixture) {
        OrgKeyring keyring = fixture.keyring();
        byte[] before = keyring.encrypt("acme", SECRET);

        keyring.rotate("acme");
        byte[] after = keyring.encrypt("acme", SECRET);

        // Tink prefixes each ciphertext with the id of its key: the new one is under a new key.
        assertThat(Arrays.copyOf(after, 5)).isNotEqualTo(Arrays.copyOf(before, 5));
        OrgKeyring restarted = new OrgKeyring(fixture.db(), LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY));
        assertThat(restarted.decrypt("acme", before)).isEqualTo(SECRET);
        assertThat(restarted.decrypt("acme", after)).isEqualTo(SECRET);
    }

    @StoreTest
    void dataKeysCanMoveToANewMasterKey(StoreFixture fixture) {
        MasterKey oldMaster = LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY);
        byte[] newKey = StoreFixture.TEST_MASTER_KEY_BYTES.clone();
        newKey[31] ^= 0x55;
        MasterKey newMaster = LocalMasterKey.fromBase64(Base64.getEncoder().encodeToString(newKey));
        byte[] acme = fixture.keyring().encrypt("acme", SECRET);
        byte[] system = fixture.keyring().encrypt(OrgKeyring.SYSTEM_SCOPE, SECRET);

        assertThat(OrgKeyring.rewrapAll(fixture.db(), oldMaster, newMaster)).isEqualTo(2);
        assertThat(OrgKeyring.rewrapAll(fixture.db(), oldMaster, newMaster)).as("repeatable").isZero();

        OrgKeyring underNew = new OrgKeyring(fixture.db(), newMaster);
        assertThat(underNew.decrypt("acme", acme)).isEqualTo(SECRET);
        assertThat(underNew.decrypt(OrgKeyring.SYSTEM_SCOPE, system)).isEqualTo(SECRET);
        assertThatThrownBy(() -> new OrgKeyring(fixture.db(), oldMaster).decrypt("acme", acme))
                .isInstanceOf(CryptoException.class);
    }

    @StoreTest
    void noPlaintextSecretOrMasterKeyReachesTheDatabaseFile(StoreFixture fixture) throws Exception {
        OrgKeyring keyring = fixture.keyring();
        keyring.encrypt("acme", SECRET);
        SessionStore sessions = new SessionStore(fixture.db(), keyring, SessionPolicy.defaults());
        OpenSession session = sessions.open("acme", "p", "e", 1L, SECRET, null, "grep-control-user");
        new SigningKeyStore(fixture.db(), keyring).add("k1", "RS256", SECRET, "{}", fixture.db().now(),
                fixture.db().now().plusSeconds(60));
        assertThat(sessions.read("acme", session.id()).payload()).isEqualTo(SECRET);
        if (fixture.dialect() != Dialect.SQLITE) {
            return; // the bytes on disk are checked on SQLite, where the whole store is one file
        }
        fixture.db().read(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });

        Path file = fixture.sqliteFile();
        // A control: plain columns are found by the same search, so a miss below means something.
        assertThat(indexOf(Files.readAllBytes(file), bytes("grep-control-user"))).isNotNegative();
        for (Path path : List.of(file, Path.of(file + "-wal"))) {
            if (Files.exists(path)) {
                byte[] bytes = Files.readAllBytes(path);
                assertThat(indexOf(bytes, SECRET)).as("secret in %s", path).isEqualTo(-1);
                assertThat(indexOf(bytes, StoreFixture.TEST_MASTER_KEY_BYTES)).as("master key in %s", path).isEqualTo(-1);
            }
        }
        assertThat(Files.size(file)).isPositive();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
