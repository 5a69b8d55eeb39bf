package dev.openesc.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import dev.openesc.core.crypt.CiphertextEnvelope;
import dev.openesc.server.store.DataKeyStore;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decryption without Tink ({@link AesGcmKeyset}, {@link StoredKeysetAead}, {@link LocalMasterKey}'s decryption)
 * against Tink itself, through the JDK's AES-GCM and the CLI's own alike ({@link AesGcmDecryption}): what Tink
 * encrypts it opens, what Tink refuses it refuses, and every keyset it does not fully understand is left to Tink.
 */
class AesGcmKeysetTest {

    private static final byte[] SECRET = "correct-horse-battery-staple-42".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AD = "acme\0session".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void registerTink() throws GeneralSecurityException {
        AeadConfig.register(); // for the other key types of the fallback cases
    }

    @ParameterizedTest
    @EnumSource(AesGcmDecryption.class)
    void opensWhatTinkEncryptedUnderEachEnabledKeyAndNothingUnderADisabledOne(AesGcmDecryption decryption)
            throws Exception {
        KeysetHandle first = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        byte[] underFirst = aead(first).encrypt(SECRET, AD);
        KeysetHandle second = KeysetHandle.newBuilder(first)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES128_GCM)
                        .withRandomId().makePrimary())
                .build();
        byte[] underSecond = aead(second).encrypt(SECRET, AD);
        KeysetHandle third = KeysetHandle.newBuilder(second)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
        byte[] underThird = aead(third).encrypt(SECRET, AD);
        KeysetHandle.Builder disabling = KeysetHandle.newBuilder(third);
        disabling.getAt(0).setStatus(KeyStatus.DISABLED);
        KeysetHandle withDisabled = disabling.build();

        Aead quick = quick(third, decryption);
        assertThat(quick.decrypt(underFirst, AD)).isEqualTo(SECRET);
        assertThat(quick.decrypt(underSecond, AD)).isEqualTo(SECRET);
        assertThat(quick.decrypt(underThird, AD)).isEqualTo(SECRET);
        Aead quickWithDisabled = quick(withDisabled, decryption);
        assertThat(quickWithDisabled.decrypt(underThird, AD)).isEqualTo(SECRET);
        assertThatThrownBy(() -> aead(withDisabled).decrypt(underFirst, AD)).as("Tink")
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> quickWithDisabled.decrypt(underFirst, AD))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @ParameterizedTest
    @EnumSource(AesGcmDecryption.class)
    void refusesWhatTinkRefuses(AesGcmDecryption decryption) throws Exception {
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        byte[] sealed = aead(handle).encrypt(SECRET, AD);
        Aead quick = quick(handle, decryption);
        Aead otherKeyset = quick(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), decryption);

        assertThatThrownBy(() -> quick.decrypt(sealed, "beta\0session".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> otherKeyset.decrypt(sealed, AD)).isInstanceOf(GeneralSecurityException.class);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x20;
            assertThatThrownBy(() -> quick.decrypt(tampered, AD)).as("byte %d changed", i)
                    .isInstanceOf(GeneralSecurityException.class);
        }
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> quick.decrypt(truncated, AD)).as("cut to %d bytes", length)
                    .isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void leavesEveryOtherKindOfKeysetToTink() throws Exception {
        KeysetHandle aesGcm = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        KeysetHandle raw = KeysetHandle.generateNew(AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12)
                .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build());
        KeysetHandle otherType = KeysetHandle.generateNew(PredefinedAeadParameters.CHACHA20_POLY1305);
        KeysetHandle mixed = KeysetHandle.newBuilder(aesGcm)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES128_CTR_HMAC_SHA256)
                        .withRandomId())
                .build();

        assertThat(AesGcmKeyset.enabledKeys(serialized(aesGcm))).hasSize(1);
        assertThat(AesGcmKeyset.enabledKeys(serialized(raw))).isNull();
        assertThat(AesGcmKeyset.enabledKeys(serialized(otherType))).isNull();
        assertThat(AesGcmKeyset.enabledKeys(serialized(mixed))).isNull();
        byte[] valid = serialized(aesGcm);
        Random random = new Random(42);
        for (int length = 0; length < valid.length; length++) {
            assertThat(AesGcmKeyset.enabledKeys(Arrays.copyOf(valid, length))).as("cut to %d bytes", length).isNull();
        }
        for (int i = 0; i < 2000; i++) {
            byte[] noise = new byte[random.nextInt(120)];
            random.nextBytes(noise);
            // Neither throws on any input; a keyset accepted has an enabled primary.
            AesGcmKeyset.encryptedKeyset(noise);
            Map<Integer, SecretKeySpec> keys = AesGcmKeyset.enabledKeys(noise);
            assertThat(keys == null || !keys.isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(AesGcmDecryption.class)
    void theMasterKeyDecryptsTinksCiphertextsWithoutPrefixAndRefusesAlteredOnes(AesGcmDecryption decryption)
            throws Exception {
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        Aead tink = new AesGcmJce(key);
        byte[] sealed = tink.encrypt(SECRET, AD);
        Aead master = LocalMasterKey.fromBase64(java.util.Base64.getEncoder().encodeToString(key))
                .decryptingWith(decryption).aead();

        assertThat(master.decrypt(sealed, AD)).isEqualTo(SECRET);
        assertThat(tink.decrypt(master.encrypt(SECRET, AD), AD)).isEqualTo(SECRET);
        byte[] tampered = sealed.clone();
        tampered[3] ^= 1;
        assertThatThrownBy(() -> master.decrypt(tampered, AD)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> master.decrypt(Arrays.copyOf(sealed, 27), AD))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @StoreTest
    void theKeysetsTheKeyringStoresAreReadWithoutTinkAfterRotations(StoreFixture fixture) throws Exception {
        OrgKeyring keyring = fixture.keyring();
        byte[] before = keyring.encrypt("acme", SECRET, AD);
        keyring.rotate("acme");
        keyring.rotate("acme");
        byte[] after = keyring.encrypt("acme", SECRET, AD);

        DataKeyStore.WrappedDataKey stored = new DataKeyStore(fixture.db()).find("acme").orElseThrow();
        byte[] keyset = LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY).aead().decrypt(
                AesGcmKeyset.encryptedKeyset(stored.wrappedKeyset()),
                "openesc data key\0acme".getBytes(StandardCharsets.UTF_8));
        assertThat(AesGcmKeyset.enabledKeys(keyset)).hasSize(3);
        for (AesGcmDecryption decryption : AesGcmDecryption.values()) {
            OrgKeyring restarted = new OrgKeyring(fixture.db(), LocalMasterKey.fromBase64(StoreFixture.TEST_MASTER_KEY)
                    .decryptingWith(decryption), decryption);
            assertThat(restarted.aead("acme")).isInstanceOf(StoredKeysetAead.class);
            assertThat(restarted.decrypt("acme", before, AD)).isEqualTo(SECRET);
            assertThat(restarted.decrypt("acme", after, AD)).isEqualTo(SECRET);
            // Encryption through the same cipher is Tink's, under the primary key: readable by Tink's own path.
            byte[] again = restarted.encrypt("acme", SECRET, AD);
            assertThat(Arrays.copyOf(again, 5)).isEqualTo(Arrays.copyOf(after, 5));
            assertThat(keyring.decrypt("acme", again, AD)).isEqualTo(SECRET);
        }
    }

    /**
     * A store written by the code before decryption went around Tink (main at 11016bf, `esc env init` and `env edit`
     * in a fresh ESC_HOME; the master key was made for this and protects nothing): its data key and one secret of
     * its definition still open, and through the path without Tink, by either decryption.
     */
    @StoreTest
    void aStoreWrittenBeforeStillOpens(StoreFixture fixture) throws Exception {
        String masterKey = "G2UoJBAn6wIWON9L6QxpvwpOEQv/94BJrOPfAPvKHs4=";
        String wrapped = "EogBYhS1XfhZKI8ipEAAeZ2whs2oi3FjUJK0pAXaGZ3tPiubDEzli8BfIy7KmLTbk210C0GNMD4XvdF1ZpObrE3Dj0tg"
                + "0HjHxfRTB7cveY5w8GGJgf/UUpz9UFNIc1mZT04hEAHV3eXllgrl9C0HIdj1PD32dStMumdKY+rbDmj4wlJ6I0QWuJbVBw==";
        String secret = "ZXNjeAAAAAEB+GfN/V7y+xpZM5INEQbCGNjI2k6uQulYDdpdC4c5a/xachK59N+3iTeWTTmUPlEbvVU=";
        LocalMasterKey master = LocalMasterKey.fromBase64(masterKey);
        new DataKeyStore(fixture.db()).insert("bench", java.util.Base64.getDecoder().decode(wrapped), master.id());

        for (AesGcmDecryption decryption : AesGcmDecryption.values()) {
            OrgKeyring keyring = new OrgKeyring(fixture.db(), master.decryptingWith(decryption), decryption);
            byte[] plain = keyring.decrypt("bench", CiphertextEnvelope.open(secret),
                    "fn::secret".getBytes(StandardCharsets.UTF_8));

            assertThat(plain).as("%s", decryption).asString(StandardCharsets.UTF_8).isEqualTo("s3cret-value-1");
            assertThat(keyring.aead("bench")).isInstanceOf(StoredKeysetAead.class);
        }
        assertThat(master.id()).isEqualTo("local:a4c08154a9f7be71"); // the id main stored beside the key
    }

    private static Aead aead(KeysetHandle handle) throws GeneralSecurityException {
        return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private static byte[] serialized(KeysetHandle handle) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    /** The handle's keyset as the keyring reads it without Tink; encryption goes to Tink on the same handle. */
    private static Aead quick(KeysetHandle handle, AesGcmDecryption decryption) throws GeneralSecurityException {
        Map<Integer, SecretKeySpec> keys = AesGcmKeyset.enabledKeys(serialized(handle));
        assertThat(keys).as("accepted").isNotNull();
        Aead tink = aead(handle);
        return new StoredKeysetAead(keys, decryption, () -> tink);
    }
}
