package dev.openesc.server.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.openesc.server.store.RandomIds;

/**
 * A 256-bit AES-GCM master key held by this process: read from {@code ESC_MASTER_KEY} (base64), or
 * from a key file that is generated with mode 0600 on first use. The file holds one line of base64.
 */
public final class LocalMasterKey implements MasterKey {

    public static final String ENV_KEY = "ESC_MASTER_KEY";
    public static final String ENV_KEY_FILE = "ESC_MASTER_KEY_FILE";

    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * The key. Its id (SHA-256) and Tink's cipher are made from it when first asked for: a command may decrypt
     * nothing, and then need not start the JDK's security providers nor Tink; one that only decrypts (opening an
     * environment) decrypts through AES-GCM directly ({@link AesGcmDecryption}) and needs neither the id nor Tink.
     */
    private final SecretKeySpec key;
    /** What decrypts under it (entry 23 of docs/decisions.md): the JDK's AES-GCM unless the process chose otherwise. */
    private final AesGcmDecryption decryption;
    private String id;
    private Aead aead;
    private Aead tinkAead;

    /**
     * The logger, made when there is something to say: the first logger makes SLF4J look for its binding in every
     * jar of the class path, which every CLI command would otherwise pay for at start.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(LocalMasterKey.class);
    }

    private LocalMasterKey(byte[] key, AesGcmDecryption decryption) {
        if (key.length != KEY_BYTES) {
            throw new CryptoException("a master key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.decryption = decryption;
        Arrays.fill(key, (byte) 0);
    }

    private LocalMasterKey(LocalMasterKey other, AesGcmDecryption decryption) {
        this.key = other.key;
        this.decryption = decryption;
    }

    /** The same key, decrypting with {@code decryption} (the CLI's choice; the server keeps the JDK's). */
    public LocalMasterKey decryptingWith(AesGcmDecryption decryption) {
        return decryption == this.decryption ? this : new LocalMasterKey(this, decryption);
    }

    /**
     * The master key the environment names: {@code ESC_MASTER_KEY} if set, else the file named by
     * {@code ESC_MASTER_KEY_FILE}, else {@code defaultFile}; a missing file is created.
     */
    public static LocalMasterKey resolve(Map<String, String> environment, Path defaultFile) {
        String inline = environment.get(ENV_KEY);
        if (inline != null && !inline.isBlank()) {
            return fromBase64(inline);
        }
        String file = environment.get(ENV_KEY_FILE);
        return loadOrCreate(file == null || file.isBlank() ? defaultFile : Path.of(file));
    }

    public static LocalMasterKey fromBase64(String text) {
        try {
            return new LocalMasterKey(Base64.getDecoder().decode(text.strip()), AesGcmDecryption.JDK);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("the master key is not valid base64", e);
        }
    }

    /** Reads the key file, or creates it (owner read/write only) with a fresh random key. */
    public static LocalMasterKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            warnIfShared(file);
            return fromBase64(readAscii(file));
        } catch (IOException e) {
            throw new CryptoException("cannot read or create the master key file " + file, e);
        }
    }

    @Override
    public synchronized String id() {
        if (id == null) {
            byte[] bytes = key.getEncoded();
            id = "local:" + fingerprint(bytes);
            Arrays.fill(bytes, (byte) 0);
        }
        return id;
    }

    /**
     * The cipher: decryption through the chosen AES-GCM ({@link AesGcmDecryption}, the same layout as Tink's AES-GCM
     * without prefix), encryption through Tink's, made on first encryption (its class loading and FIPS check, which
     * starts the JDK's logging, are for the commands that write keys).
     */
    @Override
    public synchronized Aead aead() {
        if (aead == null) {
            aead = new Aead() {
                @Override
                public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
                    return tinkAead().encrypt(plaintext, associatedData);
                }

                @Override
                public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
                    return decryption.decrypt(key, ciphertext, 0, associatedData);
                }
            };
        }
        return aead;
    }

    /** Tink's AES-GCM under this key (package-private for {@link OrgKeyring#prepare}). */
    synchronized Aead tinkAead() {
        if (tinkAead == null) {
            byte[] bytes = key.getEncoded();
            try {
                tinkAead = aesGcm(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return tinkAead;
    }

    private static void create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] key = RandomIds.bytes(KEY_BYTES);
        byte[] line = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(key, (byte) 0);
        try {
            // Created with its permissions in one step, so the key is never readable by others, not even briefly.
            if (supportsPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first; use theirs
        }
        Files.write(file, line, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Log.LOG.info("generated a new master key in {}", file);
    }

    private static void warnIfShared(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            // Asked of the file directly: a file store without POSIX permissions says so here (asking the store
            // first reads the mount table, at every command's start).
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            Log.LOG.warn("master key file {} is readable by others ({}); it should be mode 0600", file,
                    PosixFilePermissions.toString(permissions));
        }
    }

    private static boolean supportsPosix(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null && Files.getFileStore(parent).supportsFileAttributeView("posix");
    }

    /**
     * The key file's text, which must be ASCII. Read through a plain stream, whose classes every command has loaded
     * already (standard input), rather than {@code Files.readString}'s file channel, used nowhere else at start-up.
     */
    private static String readAscii(Path file) throws IOException {
        byte[] bytes;
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            bytes = in.readAllBytes();
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                throw new MalformedInputException(1);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static Aead aesGcm(byte[] key) {
        try {
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(KEY_BYTES)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            AesGcmKey aesKey = AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                    .build();
            return AesGcmJce.create(aesKey);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot build the master key cipher", e);
        }
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("openesc master key id\0".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
