package dev.openesc.server.http;

import dev.openesc.server.ServerConfig;
import dev.openesc.server.testing.SharedPostgres;

/** {@link RestApiErrorsTest} with the server on a real PostgreSQL (issue 6: the API suite runs on both databases). */
class RestApiErrorsOnPostgresTest extends RestApiErrorsTest {

    @Override
    ServerConfig onDatabase(ServerConfig config) {
        return config.withDatabaseUrl(SharedPostgres.freshDatabaseUrl());
    }
}
