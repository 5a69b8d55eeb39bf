/**
 * The server's state in SQL, on SQLite (embedded) or PostgreSQL (scale-out), through plain JDBC.
 *
 * <p>{@link dev.openesc.server.store.Database} opens a pool and migrates the schema (Flyway, one
 * migration set for both databases). Repositories: {@link dev.openesc.server.store.EnvironmentStore}
 * (with {@link dev.openesc.server.store.RevisionTags} and {@link dev.openesc.server.store.EnvironmentTags}),
 * {@link dev.openesc.server.store.SessionStore}, {@link dev.openesc.server.store.IdentityStore},
 * {@link dev.openesc.server.store.AuditLog}, {@link dev.openesc.server.store.SigningKeyStore},
 * {@link dev.openesc.server.store.Leases}, {@link dev.openesc.server.store.DataKeyStore};
 * {@link dev.openesc.server.store.Storage} wires them all.
 *
 * <p>Rules every repository keeps: a write is one transaction (a failure leaves nothing behind);
 * updates of one thing by two writers give one success and one
 * {@link dev.openesc.server.store.StoreException.Conflict}; instants are stored as epoch
 * milliseconds and read back as {@link java.time.Instant}; nothing secret is stored in clear.
 */
package dev.openesc.server.store;
