package dev.openesc.server.service;

import dev.openesc.api.EscException;
import dev.openesc.core.crypt.CryptException;
import dev.openesc.core.crypt.Decrypter;
import dev.openesc.core.crypt.Encrypter;
import dev.openesc.core.crypt.SecretRewriter;

/**
 * Rewrites the {@code fn::secret} values of a whole definition: plaintext to ciphertext before storing,
 * ciphertext to plaintext for decrypt. A definition with nothing to rewrite is returned byte for byte, so
 * that its author's layout survives; one with secrets is re-encoded by the rewriter (comments kept).
 */
final class DefinitionSecrets {

    private DefinitionSecrets() {
    }

    static byte[] encrypt(String name, byte[] yaml, Encrypter encrypter) {
        boolean[] touched = {false};
        Encrypter counting = plaintext -> {
            touched[0] = true;
            return encrypter.encrypt(plaintext);
        };
        try {
            SecretRewriter.Result result = SecretRewriter.encryptSecrets(name, yaml, counting);
            if (!touched[0]) {
                return yaml;
            }
            if (result.yaml() == null) {
                throw new EscException.EvaluationFailed("the definition cannot be read",
                        result.diagnostics().asList());
            }
            return result.yaml();
        } catch (CryptException e) {
            throw new EscException.Unavailable("cannot encrypt secrets: " + e.getMessage(), e);
        }
    }

    static byte[] decrypt(String name, byte[] yaml, Decrypter decrypter) {
        boolean[] touched = {false};
        Decrypter counting = ciphertext -> {
            touched[0] = true;
            return decrypter.decrypt(ciphertext);
        };
        try {
            SecretRewriter.Result result = SecretRewriter.decryptSecrets(name, yaml, counting);
            if (!touched[0] || result.yaml() == null) {
                return yaml;
            }
            return result.yaml();
        } catch (CryptException e) {
            throw new EscException.InvalidRequest("cannot decrypt the definition: " + e.getMessage());
        }
    }
}
