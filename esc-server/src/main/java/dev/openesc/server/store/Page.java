package dev.openesc.server.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextToken what to pass to get the next page, or null when this is the last page
 */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextToken != null;
    }
}
