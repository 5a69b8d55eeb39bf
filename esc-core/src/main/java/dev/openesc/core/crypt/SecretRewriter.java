package dev.openesc.core.crypt;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.DocumentNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.encoding.Decoded;
import dev.openesc.core.syntax.encoding.TriviaSyntax;
import dev.openesc.core.syntax.encoding.YamlDecoder;
import dev.openesc.core.syntax.encoding.YamlEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encrypts and decrypts the {@code fn::secret} values of an environment definition in place, keeping the rest of
 * the document (comments, layout) as it was. Plaintext {@code fn::secret: hunter2} becomes
 * {@code fn::secret: {ciphertext: <base64 envelope>}} and back. The document is rewritten with 2-space indentation,
 * as the reference does.
 */
public final class SecretRewriter {
    private SecretRewriter() {}

    /**
     * The rewritten YAML, or null when the source could not be decoded; {@code diagnostics} then says why (any
     * decoding diagnostic stops the rewrite, as in the reference).
     */
    public record Result(byte[] yaml, Diagnostics diagnostics) {}

    private static final String SECRET = "fn::secret";
    private static final String CIPHERTEXT = "ciphertext";

    @FunctionalInterface
    private interface Visitor {
        Node visit(Node n) throws CryptException;
    }

    /** Replaces every plaintext {@code fn::secret} argument with encrypted ciphertext. */
    public static Result encryptSecrets(String filename, byte[] source, Encrypter encrypter) throws CryptException {
        return rewrite(filename, source, n -> {
            Secret s = Secret.parse(n);
            if (s == null || s.plaintext() == null) {
                return n;
            }
            byte[] ciphertext = encrypter.encrypt(s.plaintext().value().getBytes(StandardCharsets.UTF_8));
            ObjectNode.Entry call = s.call().get(0);
            StringNode sealed = new StringNode(TriviaSyntax.copyTrivia(s.plaintext().syntax()),
                    CiphertextEnvelope.seal(ciphertext));
            ObjectNode argument = ObjectNode.of(ObjectNode.Entry.of(CIPHERTEXT, sealed));
            return new ObjectNode(s.call().syntax(), List.of(new ObjectNode.Entry(call.syntax(), call.key(), argument)));
        });
    }

    /**
     * Replaces every ciphertext {@code fn::secret} argument under {@code values} with its decrypted plaintext.
     * Secrets elsewhere are left alone.
     */
    public static Result decryptSecrets(String filename, byte[] source, Decrypter decrypter) throws CryptException {
        return rewrite(filename, source, n -> {
            Secret s = Secret.parse(n);
            if (s == null || s.ciphertext() == null) {
                return n;
            }
            String path = n.syntax().path();
            if (!path.startsWith("values.") && !path.startsWith("values[")) {
                return n;
            }
            byte[] plaintext = decrypter.decrypt(CiphertextEnvelope.open(s.ciphertext().value()));
            ObjectNode.Entry call = s.call().get(0);
            StringNode revealed = new StringNode(s.ciphertext().syntax(), new String(plaintext, StandardCharsets.UTF_8));
            return new ObjectNode(s.call().syntax(), List.of(new ObjectNode.Entry(call.syntax(), call.key(), revealed)));
        });
    }

    private static Result rewrite(String filename, byte[] source, Visitor visitor) throws CryptException {
        Decoded decoded = YamlDecoder.decode(filename, source);
        if (!decoded.diagnostics().isEmpty() || decoded.node() == null) {
            return new Result(null, decoded.diagnostics());
        }
        Node rewritten = walk(decoded.node(), visitor);
        YamlEncoder.Encoded encoded = YamlEncoder.encode(rewritten, 2);
        if (!encoded.diagnostics().isEmpty()) {
            return new Result(null, encoded.diagnostics());
        }
        return new Result(encoded.text().getBytes(StandardCharsets.UTF_8), new Diagnostics());
    }

    /** Rebuilds the tree bottom-up, letting the visitor replace each node after its children. */
    private static Node walk(Node n, Visitor visitor) throws CryptException {
        Node result = n;
        if (n instanceof ArrayNode a) {
            List<Node> elements = new ArrayList<>(a.size());
            for (Node e : a.elements()) {
                elements.add(walk(e, visitor));
            }
            result = new ArrayNode(a.syntax(), elements);
        } else if (n instanceof ObjectNode o) {
            List<ObjectNode.Entry> entries = new ArrayList<>(o.size());
            for (ObjectNode.Entry e : o.entries()) {
                Node value = e.value() == null ? null : walk(e.value(), visitor);
                entries.add(new ObjectNode.Entry(e.syntax(), e.key(), value));
            }
            result = new ObjectNode(o.syntax(), entries);
        } else if (n instanceof DocumentNode d && d.content() != null) {
            result = new DocumentNode(d.syntax(), walk(d.content(), visitor));
        }
        return visitor.visit(result);
    }

    /** A call {@code {fn::secret: <plaintext string>}} or {@code {fn::secret: {ciphertext: <string>}}}. */
    private record Secret(ObjectNode call, StringNode plaintext, StringNode ciphertext) {
        static Secret parse(Node n) {
            if (!(n instanceof ObjectNode call) || call.size() != 1 || call.get(0).key() == null
                    || !SECRET.equals(call.get(0).key().value())) {
                return null;
            }
            Node argument = call.get(0).value();
            if (argument instanceof ObjectNode arg && arg.size() == 1 && arg.get(0).key() != null
                    && CIPHERTEXT.equals(arg.get(0).key().value()) && arg.get(0).value() instanceof StringNode str) {
                return new Secret(call, null, str);
            }
            if (argument instanceof StringNode str) {
                return new Secret(call, str, null);
            }
            return null;
        }
    }

}
