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
        /**
         * Literal text and the steps of the reference after it (null when none). A part is also the one-element
         * list of itself ({@link OwnList}): most interpolations have one part.
         */
        static final class Part extends OwnList<Part> {
            private final String text;
            private final List<Step> access;

            Part(String text, List<Step> access) {
                this.text = text;
                this.access = access;
            }

            String text() {
                return text;
            }

            List<Step> access() {
                return access;
            }
        }
    }

    /** A reference to another value. */
    record Symbol(SymbolExpr syntax, List<Step> access) implements Repr {}

    /** A late-bound property of an unknown value (only created for unknown receivers). */
    record Access(Expr syntax, EvalValue receiver, String key) implements Repr {}

    record Array(ArrayExpr syntax, List<ExprNode> elements) implements Repr {}

    /**
     * An object literal (or the synthetic root object). {@code syntax} may be null for the root. Key ranges come from
     * the entries of the object literal. The declared properties in key order are kept here rather than on the
     * node: a field every node had for the few that are objects.
     */
    record ObjectRepr(Expr syntax, PropertyOrder order, Map<String, dev.openesc.core.syntax.Range> keyRanges)
            implements Repr {
        /** The declared properties by key. */
        Map<String, ExprNode> properties() {
            return order.asMap();
        }
    }

    /**
     * One accessor of a reference together with the value it resolved to (filled in during evaluation). A step is
     * also the one-element list of itself ({@link OwnList}): most references have one accessor.
     */
    sealed class Step extends OwnList<Step> permits OneReference {
        final PropertyAccessor accessor;
        EvalValue value;

        Step(PropertyAccessor accessor) {
            this.accessor = accessor;
        }
    }

    /**
     * The commonest interpolated string, literal text then a reference of one accessor ({@code item-${a}}): the
     * expression's shape, its one part and the reference's one step in a single object, which is also the step list
     * of the reference. As an {@link Interpolate} of one {@link Interpolate.Part} it was three objects per value,
     * declared again in every pass and alive until the pass ends; an environment of 100,000 such values holds them
     * through every young collection of the pass. Evaluated and exported exactly as that general form.
     */
    final class OneReference extends Step implements Repr {
        private final InterpolateExpr syntax;
        /** The literal text before the reference. */
        final String text;

        OneReference(InterpolateExpr syntax, String text, PropertyAccessor accessor) {
            super(accessor);
            this.syntax = syntax;
            this.text = text;
        }

        @Override
        public InterpolateExpr syntax() {
            return syntax;
        }
    }

    /**
     * The read-only list whose only element is the object itself. A reference of one accessor (or an interpolation
     * of one part) would otherwise need a list object of its own beside its only element, declared again in every
     * pass for every value: for an environment of 100,000 interpolated values, two objects per value and pass more
     * to allocate, to walk through, and for the collector to copy while the pass runs. Equality is identity, as
     * for the step or part itself (a list equal to its own element would recurse forever).
     */
    abstract class OwnList<T> extends java.util.AbstractList<T> implements java.util.RandomAccess {
        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            java.util.Objects.checkIndex(index, 1);
            return (T) this;
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "@" + Integer.toHexString(hashCode());
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
