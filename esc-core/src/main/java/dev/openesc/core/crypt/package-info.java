/**
 * Encryption of secret values inside environment definitions: the {@link dev.openesc.core.crypt.Encrypter} and
 * {@link dev.openesc.core.crypt.Decrypter} a service provides, the
 * {@link dev.openesc.core.crypt.CiphertextEnvelope} ciphertext is stored in, and
 * {@link dev.openesc.core.crypt.SecretRewriter}, which rewrites the {@code fn::secret} calls of a document.
 */
package dev.openesc.core.crypt;
