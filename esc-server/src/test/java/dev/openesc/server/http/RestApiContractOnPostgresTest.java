package dev.openesc.server.http;

import dev.openesc.server.ServerConfig;
import dev.openesc.server.testing.SharedPostgres;

/** {@link RestApiContractTest} with the server on a real PostgreSQL (issue 6: the API suite runs on both databases). */
class RestApiContractOnPostgresTest extends RestApiContractTest {

    @Override
    ServerConfig onDatabase(ServerConfig config) {
        return config.withDatabaseUrl(SharedPostgres.freshDatabaseUrl());
    }
}
