package dev.openesc.server.store;

/** What an audit event records. Stored by name; add new ones at will, never rename. */
public enum AuditAction {
    ENVIRONMENT_CREATE,
    ENVIRONMENT_UPDATE,
    ENVIRONMENT_DELETE,
    ENVIRONMENT_CLONE,
    ENVIRONMENT_READ,
    ENVIRONMENT_DECRYPT,
    ENVIRONMENT_OPEN,
    REVISION_TAG_WRITE,
    ENVIRONMENT_TAG_WRITE,
    TOKEN_USE,
    TOKEN_ISSUE,
    TOKEN_REVOKE,
    MEMBER_WRITE,
    LOGIN_TOKEN_MINT,
    REVISION_RETRACT,
    MEMBER_REMOVE,
    USER_CREATE,
    USER_DELETE,
    ENVIRONMENT_SETTINGS_WRITE
}
