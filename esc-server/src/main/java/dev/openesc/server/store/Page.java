package dev.openesc.server.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing.
 *
 * @param nextToken what to pass to get the next page, or null when this is the last page
 */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of a query that asked for {@code size + 1} rows: the extra row, when present, only says that
     * another page follows, whose token is made from the last row kept.
     */
    public static <T> Page<T> ofProbe(List<T> rows, int size, Function<T, String> tokenOf) {
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        List<T> page = rows.subList(0, size);
        return new Page<>(page, tokenOf.apply(page.get(size - 1)));
    }

    public boolean hasMore() {
        return nextToken != null;
    }
}
