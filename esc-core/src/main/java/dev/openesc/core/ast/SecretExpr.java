package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/** {@code fn::secret}: either a plaintext string literal or {@code {ciphertext: ...}}. Exactly one of the two is non-null. */
public record SecretExpr(ObjectNode node, StringExpr name, Expr args, StringExpr plaintext, StringExpr ciphertext) implements BuiltinExpr {
    public SecretExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
