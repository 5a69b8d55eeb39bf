package dev.openesc.api;

/**
 * What an operation needs the caller to be allowed to do in an organization. Kept apart so that reading
 * a definition (ciphertext only) can be granted without opening it (plaintext), and writing without
 * administering.
 */
public enum Permission {
    /** List environments; read definitions (secrets as ciphertext), revisions and tags; check. */
    READ,
    /** Open environments, read opened sessions, and decrypt definitions: everything that shows plaintext. */
    OPEN,
    /** Create, update, clone and delete environments; write revision tags and environment tags. */
    WRITE,
    /** Administer the organization: members, other users' tokens, the audit log. */
    ADMIN
}
