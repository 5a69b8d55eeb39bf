package dev.openesc.core.ast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import java.math.BigDecimal;

/**
 * Renders declarations and diagnostics in the JSON shape of the reference's parse corpus (its exported struct
 * fields, PascalCase, nulls for absent parts), so that test expectations can be compared as JSON.
 */
final class DeclJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DeclJson() {}

    static JsonNode decl(EnvironmentDecl d) {
        ObjectNode o = F.objectNode();
        o.set("Description", expr(d.description()));
        if (d.imports() == null) {
            o.set("Imports", NullNode.instance);
        } else {
            ArrayNode elements = F.arrayNode();
            for (ImportDecl i : d.imports().elements()) {
                ObjectNode imp = F.objectNode();
                imp.set("Environment", expr(i.environment()));
                if (i.meta() == null) {
                    imp.set("Meta", NullNode.instance);
                } else {
                    imp.set("Meta", F.objectNode().set("Merge", expr(i.meta().merge())));
                }
                elements.add(imp);
            }
            o.set("Imports", F.objectNode().set("Elements", elements));
        }
        if (d.values() == null) {
            o.set("Values", NullNode.instance);
        } else {
            ArrayNode entries = F.arrayNode();
            d.values().entries().forEach(e -> entries.add(property(e)));
            o.set("Values", F.objectNode().set("Entries", entries));
        }
        return o;
    }

    private static JsonNode property(ObjectProperty p) {
        ObjectNode o = F.objectNode();
        o.set("Key", expr(p.key()));
        o.set("Value", expr(p.value()));
        return o;
    }

    static JsonNode expr(Expr e) {
        if (e == null) {
            return NullNode.instance;
        }
        ObjectNode o = F.objectNode();
        if (e instanceof NullExpr) {
            return o;
        } else if (e instanceof BooleanExpr b) {
            o.put("Value", b.value());
        } else if (e instanceof NumberExpr n) {
            o.put("Value", new BigDecimal(n.value()));
        } else if (e instanceof StringExpr s) {
            o.put("Value", s.value());
        } else if (e instanceof InterpolateExpr i) {
            ArrayNode parts = F.arrayNode();
            for (Interpolation p : i.parts()) {
                ObjectNode part = F.objectNode();
                part.put("Text", p.text());
                part.set("Value", access(p.value()));
                parts.add(part);
            }
            o.set("Parts", parts);
        } else if (e instanceof SymbolExpr s) {
            o.set("Property", access(s.property()));
        } else if (e instanceof ArrayExpr a) {
            ArrayNode elements = F.arrayNode();
            a.elements().forEach(x -> elements.add(expr(x)));
            o.set("Elements", elements);
        } else if (e instanceof ObjectExpr obj) {
            ArrayNode entries = F.arrayNode();
            obj.entries().forEach(p -> entries.add(property(p)));
            o.set("Entries", entries);
        } else {
            builtin((BuiltinExpr) e, o);
        }
        return o;
    }

    private static void builtin(BuiltinExpr e, ObjectNode o) {
        if (e instanceof OpenExpr x) {
            o.set("Provider", expr(x.provider()));
            o.set("Inputs", expr(x.inputs()));
        } else if (e instanceof RotateExpr x) {
            o.set("Provider", expr(x.provider()));
            o.set("Inputs", expr(x.inputs()));
            o.set("State", expr(x.state()));
        } else if (e instanceof SecretExpr x) {
            o.set("Plaintext", expr(x.plaintext()));
            o.set("Ciphertext", expr(x.ciphertext()));
        } else if (e instanceof JoinExpr x) {
            o.set("Delimiter", expr(x.delimiter()));
            o.set("Values", expr(x.values()));
        } else if (e instanceof SplitExpr x) {
            o.set("Delimiter", expr(x.delimiter()));
            o.set("String", expr(x.string()));
        } else if (e instanceof ConcatExpr x) {
            o.set("Arrays", expr(x.arrays()));
        } else if (e instanceof ToJSONExpr x) {
            o.set("Value", expr(x.value()));
        } else if (e instanceof FromJSONExpr x) {
            o.set("String", expr(x.string()));
        } else if (e instanceof ToStringExpr x) {
            o.set("Value", expr(x.value()));
        } else if (e instanceof ToBase64Expr x) {
            o.set("Value", expr(x.value()));
        } else if (e instanceof FromBase64Expr x) {
            o.set("String", expr(x.string()));
        } else if (e instanceof FinalExpr x) {
            o.set("Value", expr(x.value()));
        } else if (e instanceof ValidateExpr x) {
            o.set("Schema", expr(x.schema()));
            o.set("Value", expr(x.value()));
        }
    }

    private static JsonNode access(PropertyAccess a) {
        if (a == null) {
            return NullNode.instance;
        }
        ArrayNode accessors = F.arrayNode();
        for (PropertyAccessor x : a.accessors()) {
            ObjectNode o = F.objectNode();
            if (x instanceof PropertyName n) {
                o.put("Name", n.name());
            } else if (x instanceof PropertyKeySubscript k) {
                o.put("Index", k.key());
            } else if (x instanceof PropertyIndexSubscript i) {
                o.put("Index", i.index());
            }
            o.set("AccessorRange", range(x.range()));
            accessors.add(o);
        }
        return F.objectNode().set("Accessors", accessors);
    }

    static JsonNode range(Range r) {
        if (r == null) {
            return NullNode.instance;
        }
        ObjectNode o = F.objectNode();
        o.put("Filename", r.filename());
        o.set("Start", pos(r.start()));
        o.set("End", pos(r.end()));
        return o;
    }

    private static JsonNode pos(Pos p) {
        ObjectNode o = F.objectNode();
        o.put("Line", p.line());
        o.put("Column", p.column());
        o.put("Byte", p.byteOffset());
        return o;
    }

    /** The compared fields of a diagnostic: severity, summary, subject and path. */
    static JsonNode diagnostic(Diagnostic d) {
        ObjectNode o = F.objectNode();
        o.put("Severity", d.severity().code());
        o.put("Summary", d.summary());
        o.set("Subject", range(d.subject()));
        o.put("Path", d.path());
        return o;
    }
}
