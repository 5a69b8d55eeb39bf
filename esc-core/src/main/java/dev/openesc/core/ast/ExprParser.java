package dev.openesc.core.ast;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.BooleanNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.DocumentNode;
import dev.openesc.core.syntax.NameTable;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.NullNode;
import dev.openesc.core.syntax.NumberNode;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.OneNameValue;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.Syntax;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns syntax nodes into expressions.
 *
 * <ul>
 *   <li>null, boolean and number nodes become literals;
 *   <li>a string is read as an interpolation: without accesses it is a string literal (escapes resolved), a lone
 *       access with no surrounding text is a symbol, anything else an interpolated string;
 *   <li>a list becomes a list of expressions;
 *   <li>an object with a single {@code fn::...} key naming a builtin becomes that builtin's call; any other object
 *       is an object expression.
 * </ul>
 *
 * Parsing never stops at the first error: every problem is reported and an expression is always produced.
 */
public final class ExprParser {
    private final SourceLines source;
    private final Diagnostics diags;
    /** Names of the interpolations of this document, shared (see {@link NameTable}). */
    private final NameTable names = new NameTable();

    ExprParser(byte[] source, Diagnostics diags) {
        this.source = source == null ? null : new SourceLines(source);
        this.diags = diags;
    }

    /**
     * Parses an expression. The source is the document the node was decoded from, used only to locate accessors
     * inside strings precisely; it may be null.
     */
    public static ParsedExpr parse(Node node, byte[] source) {
        Diagnostics diags = new Diagnostics();
        Expr expr = new ExprParser(source, diags).expr(node);
        return new ParsedExpr(expr, diags);
    }

    /** Parses an expression without its source document (accessor ranges are then unknown). */
    public static ParsedExpr parse(Node node) {
        return parse(node, null);
    }

    Diagnostics diagnostics() {
        return diags;
    }

    /** Parses one node, adding any problems to this parser's diagnostics. */
    Expr expr(Node node) {
        if (node instanceof NullNode) {
            return new NullExpr(node);
        } else if (node instanceof BooleanNode b) {
            return new BooleanExpr(b, b.value());
        } else if (node instanceof NumberNode n) {
            return new NumberExpr(n, n.value());
        } else if (node instanceof StringNode s) {
            return parseString(s);
        } else if (node instanceof ArrayNode a) {
            List<Expr> elements = new ArrayList<>(a.size());
            for (Node element : a.elements()) {
                elements.add(expr(element));
            }
            return new ArrayExpr(a, elements);
        } else if (node instanceof ObjectNode o) {
            return parseObject(o);
        } else if (node instanceof DocumentNode d) {
            return d.content() == null ? new NullExpr(d) : expr(d.content());
        }
        throw new IllegalArgumentException("unexpected syntax node " + node);
    }

    /**
     * Parses the value of {@code entry}. A value kept as its text and name ({@link OneNameValue}) is read from them,
     * without its node: the expression {@link #expr} makes of the node, equal in every respect.
     */
    Expr value(ObjectNode.Entry entry) {
        if (entry instanceof OneNameValue v) {
            String text = v.valueText();
            Syntax syntax = v.valueSyntax();
            // the decoder's name joins this table (or is the same string as the one there)
            String name = names.shareAscii(v.valueName(), 0, v.valueName().length());
            return new InterpolateExpr(syntax, text,
                    new PropertyName(name, ScalarRanges.nameRange(syntax.range(), source, text, name)));
        }
        return expr(entry.value());
    }

    private Expr parseString(StringNode node) {
        String plain = node.value();
        int dollar = plain.indexOf('$');
        PropertyName one = dollar < 0 ? null : InterpolationParser.oneName(node, plain, source, names);
        if (one != null) {
            // the commonest shape, made without the parts of the general parse
            return dollar == 0 ? new SymbolExpr(node, new PropertyAccess(List.of(one)))
                    : new InterpolateExpr(node, plain.substring(0, dollar), one);
        }
        List<Interpolation> parts = InterpolationParser.parse(node, source, diags, names);
        if (parts.isEmpty()) {
            return StringExpr.of(node);
        }
        if (parts.size() == 1) {
            Interpolation only = parts.get(0);
            if (only.value() == null) {
                return new StringExpr(node, only.text());
            }
            if (only.text().isEmpty()) {
                return new SymbolExpr(node, only.value());
            }
        }
        return new InterpolateExpr(node, parts);
    }

    private Expr parseObject(ObjectNode node) {
        Expr call = BuiltinParser.tryParse(this, node);
        if (call != null) {
            return call;
        }
        List<ObjectProperty> entries = new ArrayList<>(node.size());
        for (ObjectNode.Entry entry : node.entries()) {
            String text = entry.keyText();
            if (text != null && text.indexOf('$') < 0) {
                // no escape and no access: the key reads as written, without making its node
                entries.add(ObjectProperty.withOwnKey(entry, value(entry), false));
                continue;
            }
            // Keys go through interpolation parsing too ($$ escapes are resolved) but must come out as plain
            // strings. A key that does not is reported, and its entry kept with the key's raw text, marked rejected.
            Expr key = expr(entry.key());
            boolean rejected = !(key instanceof StringExpr);
            if (rejected) {
                diags.add(Diagnostic.nodeError(entry.key(), "object keys must be strings"));
            }
            StringExpr name = rejected ? StringExpr.of(entry.key()) : (StringExpr) key;
            entries.add(new ObjectProperty(entry, name, value(entry), rejected));
        }
        return new ObjectExpr(node, entries);
    }

    /** An error located at an expression's node. */
    static Diagnostic exprError(Expr expr, String summary) {
        return Diagnostic.nodeError(expr.node(), summary);
    }
}
