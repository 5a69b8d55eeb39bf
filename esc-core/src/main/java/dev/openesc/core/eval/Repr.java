package dev.openesc.core.eval;

import dev.openesc.core.ast.ArrayExpr;
import dev.openesc.core.ast.BuiltinExpr;
import dev.openesc.core.ast.Expr;
import dev.openesc.core.ast.InterpolateExpr;
import dev.openesc.core.ast.PropertyAccessor;
import dev.openesc.core.ast.SymbolExpr;
import dev.openesc.core.schema.Schema;
import java.util.List;
import java.util.Map;

/**
 * The shape of an {@link ExprNode}: one kind per syntactic form, holding the declared sub-expressions. Builtins keep
 * schemas that are only known once their provider is loaded, hence the mutable fields.
 */
sealed interface Repr {
    /** The syntax this expression came from (used for diagnostics); may be null for synthetic expressions. */
    Expr syntax();

    /** Something missing from the document. */
    record Missing(Expr syntax) implements Repr {}

    /** null, boolean, number or string literal. */
    record Literal(Expr syntax) implements Repr {}

    /** An interpolated string; each part is literal text plus an optional reference. */
    record Interpolate(InterpolateExpr syntax, List<Part> parts) implements Repr {
        record Part(String text, List<Step> access) {}
    }

    /** A reference to another value. */
    record Symbol(SymbolExpr syntax, List<Step> access) implements Repr {}

    /** A late-bound property of an unknown value (only created for unknown receivers). */
    record Access(Expr syntax, EvalValue receiver, String key) implements Repr {}

    record Array(ArrayExpr syntax, List<ExprNode> elements) implements Repr {}

    /**
     * An object literal (or the synthetic root object). {@code syntax} may be null for the root. Key ranges come from
     * the entries of the object literal.
     */
    record ObjectRepr(Expr syntax, Map<String, ExprNode> properties, Map<String, dev.openesc.core.syntax.Range> keyRanges)
            implements Repr {}

    /** One accessor of a reference together with the value it resolved to (filled in during evaluation). */
    final class Step {
        final PropertyAccessor accessor;
        EvalValue value;

        Step(PropertyAccessor accessor) {
            this.accessor = accessor;
        }
    }

    /** A builtin call. {@code kind} selects the behaviour; {@code args} are the declared argument expressions. */
    final class Builtin implements Repr {
        enum Kind { OPEN, ROTATE, SECRET, JOIN, SPLIT, CONCAT, TO_JSON, FROM_JSON, TO_STRING, TO_BASE64, FROM_BASE64,
            FINAL, VALIDATE }

        final BuiltinExpr node;
        final Kind kind;
        /** Named argument expressions, in the order they are exported. */
        final Map<String, ExprNode> args;
        Schema inputSchema = SchemaOps.always();
        Schema stateSchema = SchemaOps.always();

        Builtin(BuiltinExpr node, Kind kind, Map<String, ExprNode> args) {
            this.node = node;
            this.kind = kind;
            this.args = args;
        }

        ExprNode arg(String name) {
            return args.get(name);
        }

        @Override
        public Expr syntax() {
            return node;
        }
    }
}
