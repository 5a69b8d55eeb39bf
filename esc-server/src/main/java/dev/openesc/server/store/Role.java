package dev.openesc.server.store;

/** A user's role in an organization. Admins manage members, tokens of others, and read the audit log. */
public enum Role {
    MEMBER,
    ADMIN
}
