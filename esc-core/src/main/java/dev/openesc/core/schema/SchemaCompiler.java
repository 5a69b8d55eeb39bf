package dev.openesc.core.schema;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles schemas: links each {@code $ref} to its target in the root's {@code $defs} and checks the keywords
 * whose text must parse. As in the reference, compilation walks the applicators reachable from the root (the
 * {@code $defs} only through references), marks each schema before descending (so cycles through references
 * terminate), and stops at the first error.
 */
final class SchemaCompiler {
    /** The memo attached to a compiled schema: the resolved reference target, if any. */
    record Compiled(Schema ref) {}

    private static final Compiled NO_REF = new Compiled(null);
    private static final Object LOCK = new Object();
    private static final String REF_PREFIX = "#/$defs/";
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private SchemaCompiler() {}

    /** Thrown internally to stop at the first error, as the reference does. */
    private static final class Failure extends Exception {
        final SchemaError error;

        Failure(String message) {
            super(message, null, false, false);
            this.error = new SchemaError(message);
        }
    }

    static Optional<SchemaError> compile(Schema root) {
        if (root.compiled != null) {
            return Optional.empty(); // already compiled (validation compiles every schema it meets)
        }
        synchronized (LOCK) {
            try {
                compileNode(root, root);
                return Optional.empty();
            } catch (Failure f) {
                return Optional.of(f.error);
            }
        }
    }

    private static void compileNode(Schema s, Schema root) throws Failure {
        if (s == null || s.compiled != null) {
            return;
        }
        s.compiled = NO_REF;

        if (s.hasRef()) {
            Schema target = resolve(root, s.ref());
            s.compiled = new Compiled(target);
            compileNode(target, root);
        }
        for (Schema x : s.anyOf()) {
            compileNode(x, root);
        }
        for (Schema x : s.oneOf()) {
            compileNode(x, root);
        }
        for (Schema x : s.prefixItems()) {
            compileNode(x, root);
        }
        compileNode(s.items(), root);
        compileNode(s.additionalProperties(), root);
        for (String name : s.rotateOnly()) {
            Schema property = s.properties().get(name);
            if (property != null) {
                property.rotateOnlyMark = true;
            }
        }
        List<String> names = new ArrayList<>(s.properties().keySet());
        names.sort(JsonValues.KEY_ORDER);
        for (String name : names) {
            compileNode(s.properties().get(name), root);
        }

        // multipleOf, maximum, exclusiveMaximum, minimum and exclusiveMinimum are JsonNumbers, valid by
        // construction, so only the counts and the pattern can fail here; the order follows the reference.
        checkCount(s.maxLength());
        checkCount(s.minLength());
        if (!s.pattern().isEmpty()) {
            compilePattern(s.pattern());
        }
        checkCount(s.maxItems());
        checkCount(s.minItems());
        checkCount(s.maxProperties());
        checkCount(s.minProperties());
    }

    private static Schema resolve(Schema root, String ref) throws Failure {
        if (!ref.startsWith(REF_PREFIX) || ref.indexOf('/', REF_PREFIX.length()) >= 0) {
            throw new Failure("only fragment references of the form #/$defs/ref are supported");
        }
        String name = pathUnescape(ref.substring(REF_PREFIX.length()));
        Schema target = root.defs().get(name);
        if (target == null) {
            throw new Failure("unknown subschema " + ref);
        }
        return target;
    }

    /** Decodes %XX escapes (and nothing else), failing on a malformed escape like Go's url.PathUnescape. */
    private static String pathUnescape(String s) throws Failure {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
                String rest = new String(bytes, i, Math.min(3, bytes.length - i), StandardCharsets.UTF_8);
                throw new Failure("invalid URL escape \"" + rest + "\"");
            }
            out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static void checkCount(JsonNumber n) throws Failure {
        if (n == null) {
            return;
        }
        String text = n.text();
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Failure("strconv.ParseUint: parsing \"" + text + "\": invalid syntax");
        }
        if (new BigInteger(text).compareTo(UINT64_MAX) > 0) {
            throw new Failure("strconv.ParseUint: parsing \"" + text + "\": value out of range");
        }
    }

    private static Pattern compilePattern(String pattern) throws Failure {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new Failure("error parsing regexp: " + e.getDescription() + ": `" + pattern + "`");
        }
    }

    /** The parsed bounds of a schema, memoised on it. Unusable counts and patterns read as absent. */
    static CompiledBounds bounds(Schema s) {
        CompiledBounds b = s.boundsMemo;
        if (b == null) {
            b = new CompiledBounds(
                    decimal(s.multipleOf()),
                    decimal(s.maximum()),
                    decimal(s.exclusiveMaximum()),
                    decimal(s.minimum()),
                    decimal(s.exclusiveMinimum()),
                    count(s.maxLength()),
                    count(s.minLength()),
                    patternOrNull(s.pattern()),
                    count(s.maxItems()),
                    count(s.minItems()),
                    count(s.maxProperties()),
                    count(s.minProperties()));
            s.boundsMemo = b;
        }
        return b;
    }

    private static java.math.BigDecimal decimal(JsonNumber n) {
        return n == null ? null : n.toBigDecimal();
    }

    private static Long count(JsonNumber n) {
        if (n == null || !n.text().chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        BigInteger v = new BigInteger(n.text());
        if (v.compareTo(UINT64_MAX) > 0) {
            return null;
        }
        return v.bitLength() < 64 ? v.longValue() : Long.MAX_VALUE;
    }

    private static Pattern patternOrNull(String pattern) {
        if (pattern.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }
}
