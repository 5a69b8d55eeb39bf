package dev.openesc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "a-b", "a_b", "A1c", "abc0123456789012345678901234567890123456"})
    void acceptsOrganizations(String name) {
        assertThat(Names.isOrganization(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "-abc", "abc-", "a.bc", "a/bc", "a..b", "abc\n", "abc\0", "\u0430cme",
            "abc01234567890123456789012345678901234567", "ac me"})
    void refusesOrganizations(String name) {
        assertThat(Names.isOrganization(name)).isFalse();
        assertThatThrownBy(() -> Names.requireOrganization(name))
                .isInstanceOf(EscException.InvalidRequest.class)
                .hasMessageStartingWith("invalid organization name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p", "my-project", "a.b", "x_1", "defaul"})
    void acceptsProjects(String name) {
        assertThat(Names.isProject(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", ".hidden", "default", "defaults", "a/b", "a\0", "\u0440roj", "a b"})
    void refusesNewProjects(String name) {
        assertThat(Names.isProject(name)).isFalse();
    }

    @Test
    void legacyDefaultProjectIsAcceptedOnPathsButNotForNewEnvironments() {
        assertThat(Names.requireProject("default")).isEqualTo("default");
        assertThatThrownBy(() -> Names.requireNewProject("default")).isInstanceOf(EscException.InvalidRequest.class);
    }

    @Test
    void limitsLengthToOneHundred() {
        assertThat(Names.isEnvironment("e".repeat(100))).isTrue();
        assertThat(Names.isEnvironment("e".repeat(101))).isFalse();
        assertThat(Names.isProject("p".repeat(101))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "open", "yaml", "opener", "yamlish", "a/b", "../x", "x\0", "\u0435nv",
            "x y"})
    void refusesEnvironments(String name) {
        assertThatThrownBy(() -> Names.requireEnvironment(name)).isInstanceOf(EscException.InvalidRequest.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", ".kim", "a/b", "../x", "x\0", "\u0430lice", "x y", "kim@example.com"})
    void refusesLogins(String name) {
        assertThatThrownBy(() -> Names.requireLogin(name)).isInstanceOf(EscException.InvalidRequest.class)
                .hasMessageStartingWith("invalid user name");
    }

    @Test
    void loginsUseTheEnvironmentAlphabet() {
        assertThat(Names.requireLogin("kim.lee_2-x")).isEqualTo("kim.lee_2-x");
        assertThat(Names.isLogin("open")).isTrue();
        assertThat(Names.isLogin("k".repeat(100))).isTrue();
        assertThat(Names.isLogin("k".repeat(101))).isFalse();
        assertThat(Names.isLogin(null)).isFalse();
    }

    @Test
    void errorMessagesEscapeWhatTheyEcho() {
        assertThatThrownBy(() -> Names.requireEnvironment("a\0b\u0435"))
                .hasMessageContaining("\"a\\u0000b\\u0435\"");
    }

    @Test
    void revisionTagsAreNotNumbers() {
        assertThat(Names.requireRevisionTag("prod-1")).isEqualTo("prod-1");
        assertThatThrownBy(() -> Names.requireRevisionTag("12")).isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> Names.requireRevisionTag("a/b")).isInstanceOf(EscException.InvalidRequest.class);
    }

    @Test
    void environmentRefsResolveLegacyAndQualifiedNames() {
        assertThat(EnvironmentRef.within("acme", "app/dev")).isEqualTo(new EnvironmentRef("acme", "app", "dev"));
        assertThat(EnvironmentRef.within("acme", "dev")).isEqualTo(new EnvironmentRef("acme", "default", "dev"));
        assertThat(new EnvironmentRef("acme", "app", "dev").qualifiedName()).isEqualTo("app/dev");
        assertThatThrownBy(() -> EnvironmentRef.within("acme", "a/b/c")).isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> EnvironmentRef.within("acme", "../dev")).isInstanceOf(EscException.InvalidRequest.class);
        assertThatThrownBy(() -> new EnvironmentRef("a", "app", "dev")).isInstanceOf(EscException.InvalidRequest.class);
    }
}
