package dev.openesc.server.store;

import dev.openesc.server.crypto.AesGcmDecryption;
import dev.openesc.server.crypto.MasterKey;
import dev.openesc.server.crypto.OrgKeyring;

/**
 * Every store of the server over one database, wired: what a bootstrap class opens once and hands to
 * the service. Close it to close the pool.
 */
public record Storage(Database database, OrgKeyring keyring, EnvironmentStore environments, SessionStore sessions,
                      IdentityStore identity, AuditLog audit, SigningKeyStore signingKeys, Leases leases)
        implements AutoCloseable {

    /** Opens (and migrates) the database at {@code url} and builds the stores on it. */
    public static Storage open(String url, MasterKey masterKey, SessionPolicy sessionPolicy, DatabaseOptions options) {
        Database database = Database.open(url, options);
        return on(database, masterKey, sessionPolicy);
    }

    /** Builds the stores on an open database; stored keys decrypt through the JDK's AES-GCM. */
    public static Storage on(Database database, MasterKey masterKey, SessionPolicy sessionPolicy) {
        return on(database, masterKey, sessionPolicy, AesGcmDecryption.JDK);
    }

    /** Builds the stores on an open database; stored keys decrypt through {@code decryption}. */
    public static Storage on(Database database, MasterKey masterKey, SessionPolicy sessionPolicy,
                             AesGcmDecryption decryption) {
        OrgKeyring keyring = new OrgKeyring(database, masterKey, decryption);
        return new Storage(database, keyring, new EnvironmentStore(database),
                new SessionStore(database, keyring, sessionPolicy), new IdentityStore(database),
                new AuditLog(database), new SigningKeyStore(database, keyring), new Leases(database));
    }

    @Override
    public void close() {
        database.close();
    }
}
