package dev.openesc.bench.load;

import dev.openesc.server.EscServer;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.Editor;
import dev.openesc.server.store.EnvironmentId;
import dev.openesc.server.store.EnvironmentStore;
import dev.openesc.server.store.IssuedToken;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * Fills a server's data folder for the memory benchmark: the admin user, organization and token a first
 * start would create, then {@code environments} environments of {@code revisions} revisions each, written
 * in-process through the {@link EnvironmentStore} (the path every API write ends in, minus HTTP and the
 * evaluator's check, which would make a million revisions take an hour here). Definitions are small plain
 * YAML documents (ten values), different in every revision.
 */
final class RevisionSeeder {

    static final String PROJECT = "seeded";

    private RevisionSeeder() {
    }

    /** The name of the i-th seeded environment. */
    static String environment(int i) {
        return "env-" + i;
    }

    static void seed(Path dataDir, int environments, int revisions, String databaseUrl) throws IOException {
        Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        LocalMasterKey key = LocalMasterKey.resolve(Map.of(), dataDir.resolve(EscServer.MASTER_KEY_FILE));
        String url = databaseUrl != null ? databaseUrl : dataDir.resolve(EscServer.DATABASE_FILE).toString();
        long started = System.nanoTime();
        try (Storage storage = Storage.open(url, key, SessionPolicy.defaults(), DatabaseOptions.defaults())) {
            Optional<IssuedToken> admin = storage.identity().bootstrap("admin", "Administrator", LoadFixture.ORG);
            if (admin.isPresent()) {
                Path file = dataDir.resolve(EscServer.ADMIN_TOKEN_FILE);
                Files.writeString(file, admin.get().secret() + "\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            EnvironmentStore store = storage.environments();
            Editor editor = new Editor("admin", "Administrator", "seeder");
            for (int e = 0; e < environments; e++) {
                EnvironmentId id = new EnvironmentId(LoadFixture.ORG, PROJECT, environment(e));
                store.create(id, definition(e, 1), editor);
                for (int r = 2; r <= revisions; r++) {
                    store.update(id, r - 1, definition(e, r), editor);
                }
                if ((e + 1) % 500 == 0) {
                    System.out.printf("seeded %d environments (%d revisions) in %.0f s%n", e + 1,
                            (long) (e + 1) * revisions, (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    static byte[] definition(int environment, int revision) {
        StringBuilder yaml = new StringBuilder(400).append("values:\n");
        yaml.append("  environment: ").append(environment(environment)).append('\n');
        yaml.append("  revision: ").append(revision).append('\n');
        for (int i = 0; i < 8; i++) {
            yaml.append("  setting").append(i).append(": value-").append(i).append("-of-revision-").append(revision)
                    .append('\n');
        }
        return yaml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
