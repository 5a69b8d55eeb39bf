package dev.openesc.api;

import java.util.Objects;

/**
 * Who an {@link EscService} call acts for. Obtained from {@link EscService#authenticate}; an in-process
 * backend (the CLI's embedded one) may also build one for its local user. An in-process service trusts
 * the caller it is given: the boundary where credentials are checked is {@code authenticate}.
 *
 * @param login   the user's login
 * @param name    the user's display name (recorded with revisions and tags)
 * @param tokenId the access token the request presented, or null for an in-process caller
 * @param source  the client's address as the server saw it, or null (recorded in the audit log)
 */
public record Caller(String login, String name, String tokenId, String source) {

    public Caller {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "Caller[" + login + (tokenId == null ? "" : ", token " + tokenId) + "]";
    }
}
