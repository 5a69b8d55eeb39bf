package dev.openesc.server.store;

/** Who a request acts for: the user the presented token belongs to, and that token. */
public record Principal(User user, AccessToken token) {
}
