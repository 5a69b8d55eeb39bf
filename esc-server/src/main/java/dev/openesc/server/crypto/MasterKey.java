package dev.openesc.server.crypto;

import com.google.crypto.tink.Aead;

/**
 * The key that wraps every data key. It never enters the database: a local key lives in a file or an
 * environment variable ({@link LocalMasterKey}); a KMS-backed key would implement this interface with
 * an {@link Aead} that calls the KMS, and nothing else needs to change.
 */
public interface MasterKey {

    /** A stable, non-secret name of this key, stored beside what it wrapped to explain mismatches. */
    String id();

    /** Encrypts and decrypts data keysets; associated data binds each wrapped keyset to its scope. */
    Aead aead();
}
