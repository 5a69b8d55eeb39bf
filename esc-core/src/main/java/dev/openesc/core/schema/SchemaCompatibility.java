package dev.openesc.core.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether every value described by one schema (what is known about a value that is not known yet, e.g. the
 * output of a provider during a check) is acceptable to another schema (what a builtin or provider accepts). This
 * is the schema-to-schema half of the reference's validation; the value-to-schema half is the evaluator's.
 *
 * <p>The check is permissive where it cannot be sure: an unknown or untyped side, or an alternative that may
 * match, passes. Problems are reported at locations of the caller's own type {@code L}, derived with
 * {@link Locations} (array element and object property of a location), so the caller decides how to blame syntax.
 * As in the reference, the problems of alternatives are reported only when no alternative matches, and a
 * {@link Schema#never()} on either side fails without a problem of its own.
 *
 * @param <L> the caller's location type
 */
public final class SchemaCompatibility<L> {
    /** How the caller derives the location of an element or a property from a location. */
    public interface Locations<L> {
        L index(L at, int index);

        L property(L at, String name);
    }

    /** One reason for incompatibility, blamed on a location. */
    public record Problem<L>(L location, String message) {}

    /** The verdict and, in report order, the problems found. */
    public record Result<L>(boolean ok, List<Problem<L>> problems) {}

    private final Locations<L> locations;
    private final List<Problem<L>> problems = new ArrayList<>();

    private SchemaCompatibility(Locations<L> locations) {
        this.locations = locations;
    }

    /**
     * Checks that {@code accept} admits everything {@code actual} describes. Either may be {@code null}, which
     * means unknown (anything). References are followed only on compiled schemas.
     */
    public static <L> Result<L> check(Schema actual, Schema accept, L at, Locations<L> locations) {
        SchemaCompatibility<L> c = new SchemaCompatibility<>(locations);
        boolean ok = c.compatible(actual, accept, at);
        return new Result<>(ok, List.copyOf(c.problems));
    }

    private static boolean isAny(Schema s) {
        return s == null || s.isAlways();
    }

    private boolean fail(L at, String message) {
        problems.add(new Problem<>(at, message));
        return false;
    }

    private boolean compatible(Schema x, Schema accept, L at) {
        if (isAny(accept)) {
            return true;
        }
        if (accept.isNever()) {
            return false;
        }
        if (isAny(x)) {
            return true;
        }
        if (x.isNever()) {
            return false;
        }

        // every clause is evaluated (no short circuit) so that all problems are reported
        boolean refOk = accept.resolvedRef() == null || compatible(x, accept.resolvedRef(), at);
        boolean xRefOk = x.resolvedRef() == null || compatible(x.resolvedRef(), accept, at);
        boolean xAnyOfOk = someAlternativeFits(x.anyOf(), true, accept, at);
        boolean xOneOfOk = someAlternativeFits(x.oneOf(), true, accept, at);
        boolean typeOk = x.type().isEmpty() || accept.type().isEmpty() || x.type().equals(accept.type())
                || fail(at, ValueConstraints.typeMismatch(accept.type(), x.type()));
        boolean anyOfOk = someAlternativeFits(accept.anyOf(), false, x, at);
        boolean oneOfOk = someAlternativeFits(accept.oneOf(), false, x, at);
        boolean structureOk = switch (x.type()) {
            case "array" -> compatibleArrays(x, accept, at);
            case "object" -> compatibleObjects(x, accept, at);
            default -> true;
        };
        return refOk && xRefOk && xAnyOfOk && xOneOfOk && typeOk && anyOfOk && oneOfOk && structureOk;
    }

    /**
     * Tries each alternative in a separate report; succeeds if one fits, otherwise reports all their problems and
     * a summary. Alternatives of the actual schema are checked against {@code other} as the accepted schema, and
     * alternatives of the accepted schema against {@code other} as the actual one. oneOf is treated like anyOf
     * here, since a schema-level check cannot count matching values.
     */
    private boolean someAlternativeFits(List<Schema> alternatives, boolean actualSide, Schema other, L at) {
        if (alternatives.isEmpty()) {
            return true;
        }
        boolean matched = false;
        List<Problem<L>> all = new ArrayList<>();
        for (Schema alternative : alternatives) {
            SchemaCompatibility<L> sub = new SchemaCompatibility<>(locations);
            boolean ok = actualSide ? sub.compatible(alternative, other, at) : sub.compatible(other, alternative, at);
            matched |= ok;
            all.addAll(sub.problems);
        }
        if (!matched) {
            problems.addAll(all);
            return fail(at, "at least one subschema must match");
        }
        return true;
    }

    /**
     * Arrays: common prefix items must fit pairwise; the actual's extra prefix items must fit the accepted items;
     * the accepted schema's extra prefix items must admit the actual items; and open actual items must fit the
     * accepted items.
     */
    private boolean compatibleArrays(Schema x, Schema accept, L at) {
        boolean ok = true;
        List<Schema> xPrefix = x.prefixItems();
        List<Schema> aPrefix = accept.prefixItems();
        int common = Math.min(xPrefix.size(), aPrefix.size());
        int i = 0;
        for (; i < common; i++) {
            ok &= compatible(xPrefix.get(i), aPrefix.get(i), locations.index(at, i));
        }
        if (xPrefix.size() > common) {
            for (; i < xPrefix.size(); i++) {
                ok &= compatible(xPrefix.get(i), accept.items(), locations.index(at, i));
            }
        } else {
            for (; i < aPrefix.size(); i++) {
                ok &= compatible(x.items(), aPrefix.get(i), locations.index(at, i));
            }
        }
        if (x.items() != null && !x.items().isNever()) {
            ok &= compatible(x.items(), accept.items(), at);
        }
        return ok;
    }

    /**
     * Objects: each actual property must fit the accepted property (or accepted additionalProperties). A closed
     * actual object must have every accepted required property (and dependencies of its required properties)
     * required; an open one must have additional properties that fit the accepted ones.
     */
    private boolean compatibleObjects(Schema x, Schema accept, L at) {
        boolean ok = true;
        List<String> names = new ArrayList<>(x.properties().keySet());
        names.sort(JsonValues.KEY_ORDER);
        for (String name : names) {
            Schema px = x.properties().get(name);
            Schema pa = accept.properties().get(name);
            ok &= compatible(px, pa != null ? pa : accept.additionalProperties(), locations.property(at, name));
        }

        if (x.additionalProperties() == null) {
            Set<String> required = new HashSet<>(x.required());
            ok &= requiredPresent(accept.required(), required, at);
            List<String> dependents = new ArrayList<>(accept.dependentRequired().keySet());
            dependents.sort(JsonValues.KEY_ORDER);
            Map<String, List<String>> dependentRequired = accept.dependentRequired();
            for (String name : dependents) {
                if (required.contains(name)) {
                    ok &= requiredPresent(dependentRequired.get(name), required, at);
                }
            }
        } else if (!x.additionalProperties().isNever()) {
            ok &= compatible(x.additionalProperties(), accept.additionalProperties(), at);
        }
        return ok;
    }

    private boolean requiredPresent(List<String> names, Set<String> required, L at) {
        boolean ok = true;
        for (String name : names) {
            if (!required.contains(name)) {
                ok = fail(locations.property(at, name), "missing required property");
            }
        }
        return ok;
    }
}
