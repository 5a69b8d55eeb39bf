package dev.openesc.core.ast;

import dev.openesc.core.schema.GoText;
import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.BooleanNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.DocumentNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.Severity;
import dev.openesc.core.syntax.StringNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an environment definition from its decoded syntax tree.
 *
 * <p>The top level is an object whose sections ({@code description}, {@code imports}, {@code values}) are matched
 * case-insensitively; other keys are ignored. A repeated section is reported as a warning and the later one wins.
 * Every problem is reported as a diagnostic and the declaration is always produced.
 */
public final class EnvironmentParser {
    /** The declaration and the problems found while reading it. */
    public record Parsed(EnvironmentDecl decl, Diagnostics diags) {}

    private final ExprParser exprs;
    private final Diagnostics diags;

    private EnvironmentParser(byte[] source) {
        this.diags = new Diagnostics();
        this.exprs = new ExprParser(source, diags);
    }

    /**
     * Parses an environment. The source is the document text the tree was decoded from; it is optional and only
     * makes diagnostic ranges inside strings more precise.
     */
    public static Parsed parse(byte[] source, Node root) {
        EnvironmentParser parser = new EnvironmentParser(source);
        EnvironmentDecl decl = parser.parseEnvironment(root);
        return new Parsed(decl, parser.diags);
    }

    private EnvironmentDecl parseEnvironment(Node root) {
        Node content = root;
        if (root instanceof DocumentNode doc) {
            content = doc.content();
        }
        if (content == null) {
            return EnvironmentDecl.empty(root);
        }
        if (!(content instanceof ObjectNode obj)) {
            diags.add(Diagnostic.nodeError(content, "environment must be an object"));
            return EnvironmentDecl.empty(root);
        }

        StringExpr description = null;
        ImportListDecl imports = null;
        PropertyMapDecl values = null;
        Set<String> seen = new HashSet<>();
        for (ObjectNode.Entry entry : obj.entries()) {
            String key = entry.key().value();
            if (!seen.add(key)) {
                diags.add(new Diagnostic(Severity.WARNING, "duplicate key " + GoText.quote(key), "",
                        entry.key().syntax().range(), entry.key().syntax().path()));
            }
            switch (key.toLowerCase(Locale.ROOT)) {
                case "description" -> description = parseDescription(entry.value());
                case "imports" -> imports = parseImports(entry.value());
                case "values" -> values = parseValues(entry.value());
                default -> {
                    // Unknown top-level keys are allowed and ignored.
                }
            }
        }
        return new EnvironmentDecl(root, description, imports, values);
    }

    private StringExpr parseDescription(Node node) {
        Expr expr = exprs.expr(node);
        if (expr instanceof StringExpr s) {
            return s;
        }
        diags.add(ExprParser.exprError(expr, "description must be a string"));
        return StringExpr.synthetic("");
    }

    private ImportListDecl parseImports(Node node) {
        if (!(node instanceof ArrayNode list)) {
            diags.add(Diagnostic.nodeError(node, "imports must be a list"));
            return new ImportListDecl(node, List.of());
        }
        List<ImportDecl> imports = new ArrayList<>(list.size());
        for (Node element : list.elements()) {
            imports.add(parseImport(element));
        }
        return new ImportListDecl(node, imports);
    }

    private ImportDecl parseImport(Node node) {
        if (node instanceof StringNode name) {
            return new ImportDecl(node, StringExpr.of(name), null);
        }
        if (!(node instanceof ObjectNode obj)) {
            diags.add(Diagnostic.nodeError(node, "import must be a string or an object"));
            return new ImportDecl(node, null, null);
        }
        if (obj.size() != 1) {
            diags.add(Diagnostic.nodeError(node, "import must have a single key"));
            return new ImportDecl(node, null, null);
        }
        ObjectNode.Entry entry = obj.get(0);
        return new ImportDecl(node, StringExpr.of(entry.key()), parseImportMeta(entry.value()));
    }

    private ImportMetaDecl parseImportMeta(Node node) {
        if (!(node instanceof ObjectNode obj)) {
            diags.add(Diagnostic.nodeError(node, "import must be an object"));
            return new ImportMetaDecl(node, null);
        }
        BooleanExpr merge = null;
        for (ObjectNode.Entry entry : obj.entries()) {
            if (entry.key().value().equalsIgnoreCase("merge")) {
                Expr expr = exprs.expr(entry.value());
                if (expr instanceof BooleanExpr b) {
                    merge = b;
                } else {
                    diags.add(ExprParser.exprError(expr, "merge must be a boolean value"));
                    merge = new BooleanExpr(BooleanNode.of(false), false);
                }
            }
        }
        return new ImportMetaDecl(node, merge);
    }

    private PropertyMapDecl parseValues(Node node) {
        if (!(node instanceof ObjectNode obj)) {
            diags.add(Diagnostic.nodeError(node, "values must be an object"));
            return new PropertyMapDecl(node, List.of());
        }
        List<ObjectProperty> entries = new ArrayList<>(obj.size());
        for (ObjectNode.Entry entry : obj.entries()) {
            // the key's text, without making its node (an entry decoded for evaluation makes it when asked)
            String key = entry.keyText();
            boolean builtinCall = key.startsWith("fn::");
            if (builtinCall) {
                diags.add(Diagnostic.nodeError(entry.key(),
                        "builtin function call " + GoText.quote(key) + " not allowed at the top level"));
            }
            // Top-level keys are taken verbatim; an entry whose key holds an interpolation is rejected (without a
            // diagnostic, as in the reference) like a builtin call.
            boolean rejected = builtinCall || hasInterpolation(key);
            entries.add(ObjectProperty.withOwnKey(entry, exprs.value(entry), rejected));
        }
        return new PropertyMapDecl(node, entries);
    }

    /** True when the text holds a {@code ${} that is not escaped as {@code $${}. */
    private static boolean hasInterpolation(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '$') {
                char next = text.charAt(i + 1);
                if (next == '{') {
                    return true;
                }
                if (next == '$') {
                    i++;
                }
            }
        }
        return false;
    }
}
