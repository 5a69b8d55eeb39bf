package dev.openesc.server.store;

import dev.openesc.server.crypto.OrgKeyring;
import dev.openesc.server.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * OIDC signing keys, shared by all replicas through the database. Private keys are encrypted with the
 * server-wide data key ({@link OrgKeyring#SYSTEM_SCOPE}), bound to their kid.
 */
public final class SigningKeyStore {

    private static final String COLUMNS = "kid, algorithm, private_key, public_jwk, created_at, not_before, retire_after";

    private final Database db;
    private final SecretCipher cipher;

    public SigningKeyStore(Database db, SecretCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Stores a new key; Conflict if the kid is taken. */
    public SigningKey add(String kid, String algorithm, byte[] privateKey, String publicJwk, Instant notBefore,
                          Instant retireAfter) {
        if (!retireAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("a key must retire after it starts signing");
        }
        Instant now = db.now();
        byte[] sealed = cipher.encrypt(OrgKeyring.SYSTEM_SCOPE, privateKey, context(kid));
        db.transaction(connection -> Sql.update(connection,
                "INSERT INTO signing_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                kid, algorithm, sealed, publicJwk, now, notBefore, retireAfter));
        return new SigningKey(kid, algorithm, privateKey.clone(), publicJwk, now, notBefore, retireAfter);
    }

    /** The keys to publish in the JWKS now: every key not yet retired, oldest first. */
    public List<SigningKey> published() {
        return db.read(connection -> Sql.list(connection,
                "SELECT " + COLUMNS + " FROM signing_keys WHERE retire_after > ? ORDER BY not_before, kid",
                this::map, db.now()));
    }

    /** The key to sign with now: of those whose signing period has begun, the newest. */
    public Optional<SigningKey> current() {
        Instant now = db.now();
        return db.read(connection -> Sql.first(connection,
                "SELECT " + COLUMNS + " FROM signing_keys WHERE not_before <= ? AND retire_after > ?"
                        + " ORDER BY not_before DESC, kid DESC LIMIT 1",
                this::map, now, now));
    }

    /**
     * Brings a key's retirement forward to {@code retireAfter} (once a successor signs, its last token is
     * known to expire sooner than planned); never postpones it. Returns whether it changed.
     */
    public boolean retireEarlier(String kid, Instant retireAfter) {
        return db.transaction(connection -> Sql.update(connection,
                "UPDATE signing_keys SET retire_after = ? WHERE kid = ? AND retire_after > ? AND not_before < ?",
                retireAfter, kid, retireAfter, retireAfter)) == 1;
    }

    /** Deletes keys retired before {@code cutoff}; returns how many. */
    public int deleteRetiredBefore(Instant cutoff) {
        return db.transaction(connection ->
                Sql.update(connection, "DELETE FROM signing_keys WHERE retire_after <= ?", cutoff));
    }

    private SigningKey map(ResultSet row) throws SQLException {
        String kid = row.getString("kid");
        return new SigningKey(kid, row.getString("algorithm"),
                cipher.decrypt(OrgKeyring.SYSTEM_SCOPE, row.getBytes("private_key"), context(kid)),
                row.getString("public_jwk"), Sql.instant(row, "created_at"), Sql.instant(row, "not_before"),
                Sql.instant(row, "retire_after"));
    }

    private static byte[] context(String kid) {
        return ("oidc signing key\0" + kid).getBytes(StandardCharsets.UTF_8);
    }
}
