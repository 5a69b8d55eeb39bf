package dev.openesc.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void postgresUrlsBecomeJdbcUrlsWithCredentialsApart() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://esc:p%40ss@db.internal:6432/openesc?sslmode=require");

        assertThat(url.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/openesc?sslmode=require");
        assertThat(url.user()).isEqualTo("esc");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void postgresDefaultsAndOtherSpellings() {
        DatabaseUrl bare = DatabaseUrl.parse("postgresql://esc@localhost/esc");
        assertThat(bare.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/esc");
        assertThat(bare.password()).isNull();
        DatabaseUrl jdbc = DatabaseUrl.parse("jdbc:postgresql://h:1/d?user=u&password=secret");
        assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/d?user=u&password=secret");
        assertThat(jdbc.toString()).doesNotContain("secret");
    }

    @Test
    void sqliteFromPathsAndUrls() {
        assertThat(DatabaseUrl.parse("/var/lib/esc/esc.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/var/lib/esc/esc.db");
        assertThat(DatabaseUrl.parse("sqlite:///tmp/x.db").sqlitePath()).isEqualTo(Path.of("/tmp/x.db"));
        assertThat(DatabaseUrl.parse("jdbc:sqlite:/tmp/y.db").sqlitePath()).isEqualTo(Path.of("/tmp/y.db"));
        assertThat(DatabaseUrl.parse("relative.db").sqlitePath()).isAbsolute();
        assertThat(DatabaseUrl.parse("jdbc:sqlite::memory:").sqlitePath()).isNull();
    }

    @Test
    void unknownSchemesAreRefusedWithoutLeakingPasswords() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("Git+SSH.v2-x://h/db")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatIsNoSchemeIsAFilePath() {
        // A scheme starts with a letter and holds only letters, digits and + . - before its "://".
        assertThat(DatabaseUrl.parse("2x://y").sqlitePath()).isAbsolute();
        assertThat(DatabaseUrl.parse("a_b://y").sqlitePath()).isAbsolute();
        assertThat(DatabaseUrl.parse("/data/x://y").sqlitePath()).isAbsolute();
        assertThat(DatabaseUrl.parse("://y").sqlitePath()).isAbsolute();
    }
}
