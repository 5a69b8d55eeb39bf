package dev.openesc.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.EscHarness;
import dev.openesc.cli.EscHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvCommandsTest {
    @TempDir
    Path home;

    EscHarness esc;

    @BeforeEach
    void setUp() {
        esc = new EscHarness(home);
    }

    @Test
    void initSetGetListAndRemove() {
        assertThat(esc.ok("env", "init", "proj/app").out()).isEqualTo("Environment created: tester/proj/app\n");
        esc.ok("env", "set", "proj/app", "greeting", "hello");
        esc.ok("env", "set", "proj/app", "nested.list[0]", "42");
        Result get = esc.ok("env", "get", "proj/app");
        assertThat(get.out()).isEqualTo("""
                # Value
                ```json
                {
                  "greeting": "hello",
                  "nested": {
                    "list": [
                      42
                    ]
                  }
                }
                ```
                # Definition
                ```yaml
                values:
                  greeting: hello
                  nested:
                    list:
                      - 42

                ```

                """);
        assertThat(esc.ok("env", "get", "proj/app", "greeting", "--value", "json").out()).isEqualTo("\"hello\"\n");
        assertThat(esc.ok("env", "ls").out()).isEqualTo("proj/app\n");
        esc.ok("env", "rm", "proj/app", "nested");
        assertThat(esc.ok("env", "get", "proj/app", "--value", "string").out()).isEqualTo("\"greeting\"=\"hello\"\n");
        assertThat(esc.ok("env", "rm", "proj/app", "-y").out())
                .isEqualTo("Environment \"tester/proj/app\" has been removed!\n");
        assertThat(esc.ok("env", "ls").out()).isEmpty();
    }

    @Test
    void setKeepsCommentsOfTheDefinition() throws Exception {
        Path file = home.resolve("def.yaml");
        Files.writeString(file, "# top comment\nvalues:\n  a: 1 # why a is 1\n");
        esc.ok("env", "init", "app", "-f", file.toString());
        esc.ok("env", "set", "app", "b", "two");
        assertThat(esc.ok("env", "get", "app", "--definition").out())
                .isEqualTo("# top comment\nvalues:\n  a: 1 # why a is 1\n  b: two\n");
    }

    @Test
    void aDefinitionOfOnlyCommentsPrintsNoSection() throws Exception {
        // Its check and its printed definition run side by side: the empty document decides, as the reference's.
        Path file = home.resolve("def.yaml");
        Files.writeString(file, "# nothing yet\n");
        esc.ok("env", "init", "app", "-f", file.toString());
        assertThat(esc.ok("env", "get", "app").out()).isEqualTo("\n");
        assertThat(esc.ok("env", "get", "app", "--definition").out()).isEmpty();
    }

    @Test
    void secretsAreEncryptedAtRestAndHiddenUnlessAsked() {
        esc.ok("env", "init", "app");
        esc.ok("env", "set", "app", "password", "hunter22", "--secret");
        Result get = esc.ok("env", "get", "app");
        assertThat(get.out()).contains("\"password\": \"[secret]\"").contains("ciphertext: ").doesNotContain("hunter22");
        assertThat(esc.ok("env", "get", "app", "--show-secrets").out()).contains("\"password\": \"hunter22\"");
        assertThat(esc.ok("open", "app").out()).contains("\"password\": \"hunter22\"");
    }

    @Test
    void plaintextThatLooksLikeASecretIsRefusedUnlessTold() {
        esc.ok("env", "init", "app");
        Result refused = esc.run("env", "set", "app", "apiToken", "YMHdog6VkUqbVS5dAErxWeMy83r4HeBeNRdEuUFwK3M=");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error: value looks like a secret");
        esc.ok("env", "set", "app", "apiToken", "YMHdog6VkUqbVS5dAErxWeMy83r4HeBeNRdEuUFwK3M=", "--plaintext");
        esc.ok("env", "set", "app", "password", "hunter2");
    }

    @Test
    void openFormats() {
        esc.ok("env", "init", "app");
        esc.ok("env", "set", "app", "name", "world");
        esc.ok("env", "set", "app", "environmentVariables.NAME", "${name}");
        esc.ok("env", "set", "app", "environmentVariables.QUOTED", "say \"hi\"", "--string");
        assertThat(esc.ok("open", "app", "--format", "dotenv").out())
                .isEqualTo("NAME=\"world\"\nQUOTED=\"say \\\"hi\\\"\"\n");
        assertThat(esc.ok("env", "open", "app", "--format", "shell").out()).startsWith("export NAME=\"world\"\n");
        assertThat(esc.ok("open", "app", "name", "--format", "string").out()).isEqualTo("world\n");
        assertThat(esc.ok("open", "app", "--format", "yaml").out()).contains("name: world\n");
        Result bad = esc.run("open", "app", "--format", "flat");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("Error: unknown output format \"flat\"\n");
    }

    @Test
    void versionsAndTags() {
        esc.ok("env", "init", "app");
        esc.ok("env", "set", "app", "v", "one");
        esc.ok("env", "set", "app", "v", "two");
        esc.ok("env", "version", "tag", "app@stable", "2");
        assertThat(esc.ok("open", "app@stable", "v", "--format", "string").out()).isEqualTo("one\n");
        assertThat(esc.ok("open", "app@latest", "v", "--format", "string").out()).isEqualTo("two\n");
        assertThat(esc.ok("env", "version", "history", "app").out()).contains("revision 3\n")
                .contains("revision 2 (tag: stable)\n");
        // as in the reference: no version tags the latest revision, and a version may be written @2
        esc.ok("env", "version", "tag", "app@newest");
        assertThat(esc.ok("open", "app@newest", "v", "--format", "string").out()).isEqualTo("two\n");
        esc.ok("env", "version", "tag", "app@newest", "@stable");
        assertThat(esc.ok("open", "app@newest", "v", "--format", "string").out()).isEqualTo("one\n");
        Result untagged = esc.run("env", "version", "tag", "app@2", "stable");
        assertThat(untagged.status()).isEqualTo(1);
        assertThat(untagged.err()).isEqualTo("Error: please specify a name for the tagged version\n");
        esc.ok("env", "version", "rollback", "app@stable");
        assertThat(esc.ok("open", "app", "v", "--format", "string").out()).isEqualTo("one\n");
        esc.ok("env", "tag", "app", "team", "payments");
        assertThat(esc.ok("env", "tag", "get", "app", "team").out()).startsWith("Name: team\nValue: payments\n");
        esc.ok("env", "clone", "app", "copy");
        assertThat(esc.ok("open", "copy", "v", "--format", "string").out()).isEqualTo("one\n");
    }

    /** Every format diff accepts is one its help lists, yaml among them. */
    @Test
    void diffHelpListsTheFormatsItTakes() {
        esc.ok("env", "init", "app");
        esc.ok("env", "set", "app", "v", "one");
        esc.ok("env", "set", "app", "v", "two");
        assertThat(esc.ok("env", "diff", "app@2", "@3", "-f", "yaml").out()).contains("-v: one").contains("+v: two");
        assertThat(esc.ok("env", "diff", "--help").out().replaceAll("\\s+", " "))
                .contains("json, yaml, detailed, dotenv, shell or string");
        for (String format : List.of("json", "yaml", "detailed", "dotenv", "shell", "string")) {
            assertThat(esc.run("env", "diff", "app@2", "@3", "-f", format).status()).as(format).isZero();
        }
    }

    /** As in the reference: a path with no value prints nothing (status 0); one that does not parse fails. */
    @Test
    void getOfAPathWithNoValueAndOfAnInvalidPathAgreeWithTheHelp() {
        esc.ok("env", "init", "app");
        esc.ok("env", "set", "app", "v", "one");
        assertThat(esc.ok("env", "get", "app", "no.such.path").out()).isBlank();
        Result invalid = esc.run("env", "get", "app", "a[");
        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.err()).startsWith("Error: invalid path");
        assertThat(esc.ok("env", "get", "--help").out().replaceAll("\\s+", " "))
                .contains("nothing for a path that has no value").contains("a path that does not parse");
    }

    @Test
    void unknownEnvironmentIsOneLineAndExitOne() {
        Result r = esc.run("env", "get", "nope");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("Error: ").contains("not found");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownOrganizationIsNotFound() {
        Result r = esc.run("open", "no-such-org/proj/app");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: ").contains("not found").doesNotContain("\tat ");
    }

    @Test
    void malformedDefinitionIsReportedWithLineAndColumn() throws Exception {
        Path file = home.resolve("bad.yaml");
        Files.writeString(file, "values:\n  a: ${nope}\n");
        Result r = esc.run("env", "init", "app", "-f", file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("Error: unknown property \"nope\"").contains("line 2:")
                .contains("   2:   a: ${nope}").endsWith("Error: updating environment definition: too many errors\n");
        esc.ok("env", "set", "app", "a", "1");
        Result set = esc.run("env", "set", "app", "b", "${missing}");
        // Refused and reported, with status 0 as in the reference (its scripts assert it).
        assertThat(set.status()).isEqualTo(0);
        assertThat(set.err()).matches("(?s).*app:3:\\d+: unknown property \"missing\"\n");
        assertThat(esc.ok("env", "get", "app", "--definition").out()).doesNotContain("missing");
    }

    @Test
    void badFlagsAreUsageErrorsWithExitTwo() {
        Result r = esc.run("env", "get", "app", "--bogus");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: unknown flag: --bogus\n");
        Result missing = esc.run("env", "init", "a", "b");
        assertThat(missing.status()).isEqualTo(2);
        Result unknown = esc.run("env", "frobnicate");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Error: unknown command \"frobnicate\" for \"esc env\"\n");
    }

    @Test
    void versionsAreRefusedWhereTheyMakeNoSense() {
        Result r = esc.run("env", "init", "app@1");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: the init command does not accept versions\n");
    }

    @Test
    void localStateIsPrivate() throws Exception {
        esc.ok("env", "init", "app");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("master.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("esc.db"))))
                .isEqualTo("rw-------");
        assertThat(esc.ok("whoami").out()).isEqualTo("tester\n");
    }

    @Test
    void helpVersionAndCompletion() {
        assertThat(esc.ok().out()).startsWith("Pulumi ESC - Manage environments, secrets, and configuration\n");
        assertThat(esc.ok("env", "get", "--help").out()).contains("Usage: esc env get").contains("--show-secrets");
        assertThat(esc.ok("run", "--help").out()).contains("Exit status:").contains("127");
        assertThat(esc.ok("version").out()).startsWith("v0.");
        assertThat(esc.ok("completion", "bash").out()).contains("complete -F").contains("esc");
        assertThat(esc.ok("completion", "zsh").out()).contains("bashcompinit");
        assertThat(esc.run("completion", "fish").status()).isEqualTo(1);
    }
}
