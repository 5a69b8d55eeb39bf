package dev.openesc.api;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextToken what to pass to get the next page, or null at the end
 */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextToken != null;
    }
}
