package dev.openesc.core.syntax;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/** An ordered, growable list of diagnostics; null entries are ignored. */
public final class Diagnostics implements Iterable<Diagnostic> {
    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostics() {}

    public Diagnostics(Collection<Diagnostic> diags) {
        addAll(diags);
    }

    public void add(Diagnostic d) {
        if (d != null) {
            items.add(d);
        }
    }

    public void addAll(Iterable<Diagnostic> diags) {
        if (diags != null) {
            for (Diagnostic d : diags) {
                add(d);
            }
        }
    }

    public boolean hasErrors() {
        for (Diagnostic d : items) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    public Diagnostic get(int i) {
        return items.get(i);
    }

    public List<Diagnostic> asList() {
        return List.copyOf(items);
    }

    @Override
    public Iterator<Diagnostic> iterator() {
        return items.iterator();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
