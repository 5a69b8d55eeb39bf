package dev.openesc.api;

/** A user's role in an organization. */
public enum OrgRole {
    MEMBER,
    ADMIN
}
