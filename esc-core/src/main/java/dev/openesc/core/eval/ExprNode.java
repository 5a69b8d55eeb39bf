package dev.openesc.core.eval;

import dev.openesc.core.schema.Schema;

/**
 * One expression of an environment during evaluation: its shape ({@link Repr}), the imported value it overrides
 * (its base), its schema (refined once evaluated), its evaluation state and its memoised value.
 */
final class ExprNode {
    // The evaluation state is a byte, not an enum: a store of a primitive has no collector barrier, while a store
    // of a reference into an object the collector has already promoted marks a card for the refinement threads
    // (docs/decisions.md, entry 36). A pass declares every value before it evaluates them, so in a large
    // environment most nodes are promoted by the time their state changes.
    static final byte DECLARED = 0;
    static final byte EVALUATING = 1;
    static final byte DONE = 2;

    /** The document path used in cycle messages, e.g. {@code a.b[0]}. */
    final String path;
    Repr repr;
    EvalValue base;
    Schema schema;
    byte state = DECLARED;
    /** Set for the argument of {@code fn::secret}: its value is secret. */
    boolean secret;
    EvalValue value;
    /**
     * Memo of the exported expression: an imported expression is the base of every expression that overrides it,
     * and would otherwise be exported once per importer down the chain. Written only for expressions exported as a
     * base (see Exporter.exportExpr): the evaluated environment's own expressions are exported once, and their memo
     * was a late store into every node of the pass. A pass exports its expressions for one environment name (the
     * evaluated one's), and its nodes are its own, so the memo needs no name beside it.
     */
    dev.openesc.core.value.Expr exported;

    ExprNode(String path, Repr repr, Schema schema, EvalValue base) {
        this.path = path;
        this.repr = repr;
        this.schema = schema;
        this.base = base;
    }

    /** An expression that stands for something missing from the document (after parse errors). */
    static ExprNode missing(String path, EvalValue base) {
        return new ExprNode(path, new Repr.Missing(null), SchemaOps.always(), base);
    }

    /** An already-evaluated synthetic expression, used for values that have no expression of their own. */
    static ExprNode done(Repr repr, Schema schema) {
        ExprNode x = new ExprNode("", repr, schema, null);
        x.state = DONE;
        return x;
    }

    dev.openesc.core.ast.Expr syntax() {
        return repr.syntax();
    }
}
