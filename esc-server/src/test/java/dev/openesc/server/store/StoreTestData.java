package dev.openesc.server.store;

import java.nio.charset.StandardCharsets;

/** Names and definitions the store tests share. */
final class StoreTestData {

    static final Editor ALICE = new Editor("alice", "Alice Example");
    static final Editor BOB = new Editor("bob", "Bob Example");
    static final EnvironmentId DEV = new EnvironmentId("acme", "payments", "dev");

    private StoreTestData() {
    }

    static byte[] yaml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** An environment store on a database that has the org {@code acme}. */
    static EnvironmentStore environments(Database db) {
        IdentityStore identity = new IdentityStore(db);
        if (identity.organization("acme").isEmpty()) {
            identity.createOrganization("acme");
        }
        return new EnvironmentStore(db);
    }
}
