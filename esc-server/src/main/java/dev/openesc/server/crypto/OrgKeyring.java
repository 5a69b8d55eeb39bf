package dev.openesc.server.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadWrapper;
import com.google.crypto.tink.aead.AesGcmKeyManager;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.openesc.server.store.DataKeyStore;
import dev.openesc.server.store.DataKeyStore.WrappedDataKey;
import dev.openesc.server.store.Database;
import dev.openesc.server.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys: one Tink AES-256-GCM keyset per organization (and per server-wide scope such as
 * {@link #SYSTEM_SCOPE}), created on first use, stored only wrapped by the {@link MasterKey}, and kept
 * unwrapped in this process's memory alone. Rotation adds a new primary key to the keyset; older
 * ciphertexts still decrypt because Tink tags each ciphertext with the id of its key.
 */
public final class OrgKeyring implements SecretCipher {

    /** The scope of server-wide secrets (OIDC signing keys); '@' cannot occur in an org name. */
    public static final String SYSTEM_SCOPE = "@system";

    /**
     * Tink's registrations, made when a key is first used (a holder class): a CLI command that decrypts nothing,
     * such as {@code esc env get}, opens storage without loading Tink's key managers and protobuf.
     */
    private static final class Registrations {
        static final Configuration AEAD = aeadConfiguration();
    }

    private final DataKeyStore keys;
    private final MasterKey masterKey;
    private final AesGcmDecryption decryption;
    private final Map<String, Aead> unwrapped = new ConcurrentHashMap<>();
    private final Function<String, Aead> loader = new Loader();

    /** A keyring whose stored keysets decrypt through the JDK's AES-GCM (the server's). */
    public OrgKeyring(Database db, MasterKey masterKey) {
        this(db, masterKey, AesGcmDecryption.JDK);
    }

    /** A keyring whose stored keysets of the shape it writes decrypt through {@code decryption}. */
    public OrgKeyring(Database db, MasterKey masterKey, AesGcmDecryption decryption) {
        this.keys = new DataKeyStore(db);
        this.masterKey = masterKey;
        this.decryption = decryption;
    }

    /** The data-key cipher of a scope (an organization name, or {@link #SYSTEM_SCOPE}). */
    public Aead aead(String scope) {
        return unwrapped.computeIfAbsent(scope, loader);
    }

    // The two classes below stand for a method reference and a lambda: `esc run` decrypts here while its main thread
    // waits, and each lambda is linked by a bootstrap of its own the first time it runs (docs/decisions.md 25).

    /** {@link #loadOrCreate} as the cache's loader. */
    private final class Loader implements Function<String, Aead> {
        @Override
        public Aead apply(String scope) {
            return loadOrCreate(scope);
        }
    }

    /** Tink's primitive of a stored keyset, for the keys the plain AES-GCM path does not read. */
    private final class TinkPrimitive implements Supplier<Aead> {
        private final WrappedDataKey wrapped;

        TinkPrimitive(WrappedDataKey wrapped) {
            this.wrapped = wrapped;
        }

        @Override
        public Aead get() {
            return primitive(wrapped.scope(), unwrap(wrapped));
        }
    }

    @Override
    public byte[] encrypt(String org, byte[] plaintext, byte[] context) {
        try {
            return aead(org).encrypt(plaintext, associatedData(org, context));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot encrypt for " + org, e);
        }
    }

    @Override
    public byte[] decrypt(String org, byte[] ciphertext, byte[] context) {
        try {
            return aead(org).decrypt(ciphertext, associatedData(org, context));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot decrypt: not a ciphertext of " + org + " in this context", e);
        }
    }

    /**
     * Adds a fresh primary key to the scope's keyset and stores it re-wrapped. New ciphertexts use the
     * new key; existing ones keep decrypting. Run it under a lease so that replicas do not race (a lost
     * race is a {@link StoreException.Conflict} and changes nothing).
     */
    public void rotate(String scope) {
        WrappedDataKey current = keys.find(scope)
                .orElseThrow(() -> new StoreException.NotFound("no data key for " + scope));
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(unwrap(current));
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId().makePrimary());
            keys.replace(current, wrap(scope, builder.build()), masterKey.id());
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot rotate the data key of " + scope, e);
        } finally {
            unwrapped.remove(scope);
        }
    }

    /**
     * Re-wraps every data key under a new master key (moving from a local key to a KMS, or replacing a
     * leaked master key). Keys already under {@code to} are left alone, so an interrupted run can be
     * repeated. Replicas must be restarted with the new master key afterwards. Returns how many keys
     * were re-wrapped.
     */
    public static int rewrapAll(Database db, MasterKey from, MasterKey to) {
        DataKeyStore keys = new DataKeyStore(db);
        OrgKeyring old = new OrgKeyring(db, from);
        OrgKeyring fresh = new OrgKeyring(db, to);
        int rewrapped = 0;
        for (WrappedDataKey key : keys.all()) {
            if (key.masterKeyId().equals(to.id())) {
                continue;
            }
            keys.replace(key, fresh.wrap(key.scope(), old.unwrap(key)), to.id());
            rewrapped++;
        }
        return rewrapped;
    }

    /** Forgets the unwrapped keys (they are re-read and unwrapped on next use). */
    public void clearCache() {
        unwrapped.clear();
    }

    /**
     * Does now the set-up that every use of stored keys starts with: Tink's registrations and a master key's
     * cipher, built on a throw-away key. The CLI calls it on a warm-up thread, so that this class loading and
     * first (interpreted) runs overlap the main thread's work instead of following it. No stored key is read or
     * written, nothing is encrypted; failures are left to the real use to report.
     */
    public static void prepare() {
        try {
            // All zeros: the key is never used, and a random one would start a SecureRandom for nothing.
            java.util.Objects.requireNonNull(Registrations.AEAD);
            LocalMasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])).tinkAead();
        } catch (RuntimeException e) {
            // Nothing to report here: the real use does the same work and reports its failure.
        }
    }

    /**
     * Does now the set-up that opening an environment starts with: the class loading and first run of {@code
     * decryption} (for the JDK's, its look-up through the security providers and the crypto policy; for the
     * lightweight one, its AES and GHASH classes and the S-box they make), on a throw-away key and a ciphertext that
     * does not authenticate. For the CLI's warm-up thread, like {@link #prepare}, which the opening commands no longer
     * need: they decrypt without Tink.
     */
    public static void prepareDecryption(AesGcmDecryption decryption) {
        try {
            decryption.decrypt(new SecretKeySpec(new byte[32], "AES"), new byte[JceAesGcm.NONCE_BYTES + 32], 0,
                    new byte[1]);
        } catch (GeneralSecurityException | RuntimeException expected) {
            // It cannot authenticate; the real use reports its own failures.
        }
    }

    private Aead loadOrCreate(String scope) {
        Optional<WrappedDataKey> stored = keys.find(scope);
        if (stored.isPresent()) {
            Aead decrypting = decryptingWithoutTink(stored.get());
            if (decrypting != null) {
                return decrypting;
            }
        }
        return primitive(scope, stored.isPresent() ? unwrap(stored.get()) : createOrAdopt(scope));
    }

    private static Aead primitive(String scope, KeysetHandle handle) {
        try {
            return handle.getPrimitive(Registrations.AEAD, Aead.class);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot use the data key of " + scope, e);
        }
    }

    /**
     * The stored keyset's cipher, decrypting through {@link #decryption} alone ({@link StoredKeysetAead}), or null
     * when the keyset is not of the shape this class writes or does not unwrap: Tink then reads it, and reports what
     * is wrong.
     * Opening an environment decrypts and never encrypts, so it loads neither Tink's registry nor protobuf (whose
     * version check, like Tink's FIPS check, starts {@code java.util.logging}). Same bytes either way: the keyset and
     * ciphertexts are Tink's.
     */
    private Aead decryptingWithoutTink(WrappedDataKey wrapped) {
        byte[] encrypted = AesGcmKeyset.encryptedKeyset(wrapped.wrappedKeyset());
        if (encrypted == null) {
            return null;
        }
        byte[] keyset;
        try {
            keyset = masterKey.aead().decrypt(encrypted, wrapContext(wrapped.scope()));
        } catch (GeneralSecurityException e) {
            return null;
        }
        try {
            Map<Integer, SecretKeySpec> enabled = AesGcmKeyset.enabledKeys(keyset);
            return enabled == null ? null
                    : new StoredKeysetAead(enabled, decryption, new TinkPrimitive(wrapped));
        } finally {
            Arrays.fill(keyset, (byte) 0);
        }
    }

    /** Creates the scope's keyset, or, if another replica created it a moment earlier, uses theirs. */
    private KeysetHandle createOrAdopt(String scope) {
        KeysetHandle fresh;
        try {
            fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, Registrations.AEAD);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot create a data key for " + scope, e);
        }
        try {
            keys.insert(scope, wrap(scope, fresh), masterKey.id());
            return fresh;
        } catch (StoreException.Conflict raced) {
            return unwrap(keys.find(scope).orElseThrow(() -> raced));
        }
    }

    /**
     * Registers what data keysets use, AES-GCM keys behind the AEAD wrapper, and no more: all of Tink's AEAD
     * and MAC key types cost every CLI command a few hundred classes and their registrations.
     */
    private static Configuration aeadConfiguration() {
        try {
            AeadWrapper.register();
            AesGcmKeyManager.register(true);
            return RegistryConfiguration.get();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private byte[] wrap(String scope, KeysetHandle handle) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, masterKey.aead(), wrapContext(scope),
                    Registrations.AEAD);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot wrap the data key of " + scope, e);
        }
    }

    private KeysetHandle unwrap(WrappedDataKey wrapped) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.wrappedKeyset(), masterKey.aead(),
                    wrapContext(wrapped.scope()), Registrations.AEAD);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot unwrap the data key of " + wrapped.scope() + ": it was wrapped by master key "
                    + wrapped.masterKeyId() + ", the configured one is " + masterKey.id(), e);
        }
    }

    private static byte[] wrapContext(String scope) {
        return ("openesc data key\0" + scope).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String scope, byte[] context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] name = scope.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(name);
        out.write(0);
        out.writeBytes(context);
        return out.toByteArray();
    }
}
