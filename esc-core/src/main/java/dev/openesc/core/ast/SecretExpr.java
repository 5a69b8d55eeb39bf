package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/**
 * {@code fn::secret}: a plaintext string literal, or {@code {ciphertext: ...}} for an encrypted one. Exactly one of
 * the two is non-null; an invalid argument is replaced by an empty plaintext (after an error).
 */
public record SecretExpr(
        ObjectNode node, StringExpr name, Expr args, StringExpr plaintext, StringExpr ciphertext)
        implements BuiltinExpr {
    public SecretExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
