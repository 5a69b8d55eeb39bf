/**
 * Keys for secrets at rest. A {@link dev.openesc.server.crypto.MasterKey} (local file or environment
 * variable today, a KMS later) wraps one Tink AES-256-GCM data keyset per organization, kept by
 * {@link dev.openesc.server.crypto.OrgKeyring}, which is also the
 * {@link dev.openesc.server.crypto.SecretCipher} the rest of the server encrypts with. The master key
 * never reaches the database; unwrapped data keys live only in memory. Tink writes every keyset and ciphertext;
 * keysets of the one shape the keyring writes are decrypted through the JDK's AES-GCM directly (docs/decisions.md 21).
 */
package dev.openesc.server.crypto;
