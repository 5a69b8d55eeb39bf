package dev.openesc.server.service;

import static dev.openesc.server.service.ServiceWorld.DEV;
import static dev.openesc.server.service.ServiceWorld.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.EscException;
import dev.openesc.api.OpenedSession;
import dev.openesc.api.Precondition;
import dev.openesc.core.value.Value;
import dev.openesc.server.testing.StoreFixture;
import dev.openesc.server.testing.StoreTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

class SecretsAtRestTest {

    private static final String PLAINTEXT = "hunter2-plaintext";
    private static final String DEFINITION = """
            # the database password
            values:
              password:
                fn::secret: hunter2-plaintext
              user: admin
            """;

    @StoreTest
    void plaintextSecretsAreStoredEncryptedAndShownOnlyByDecryptAndOpen(StoreFixture fixture) throws IOException {
        ServiceWorld world = new ServiceWorld(fixture);
        LocalEscService service = world.service;
        world.define(DEV, DEFINITION);

        String stored = service.getDefinition(world.alice, DEV, null).text();
        assertThat(stored).doesNotContain(PLAINTEXT).contains("ciphertext:").contains("# the database password")
                .contains("user: admin");

        String decrypted = service.decryptDefinition(world.alice, DEV, null).text();
        assertThat(decrypted).contains("fn::secret: " + PLAINTEXT).doesNotContain("ciphertext");

        OpenedSession session = service.openEnvironment(world.alice, DEV, null, null);
        Value password = service.readOpenProperty(world.alice, DEV, session.id(), "password");
        assertThat(password.value()).isEqualTo(PLAINTEXT);
        assertThat(password.secret()).isTrue();

        if (fixture.sqliteFile() != null) {
            world.storage.close();
            assertThat(bytesUnder(fixture.sqliteFile().getParent())).doesNotContain(PLAINTEXT);
        }
    }

    @StoreTest
    void aDefinitionWithoutPlaintextSecretsIsStoredAsWritten(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, DEFINITION);
        String stored = world.service.getDefinition(world.alice, DEV, null).text();

        // writing back what was read keeps the ciphertext (not encrypted twice) and the layout
        world.service.updateEnvironment(world.alice, DEV, yaml(stored), Precondition.none());
        assertThat(world.service.getDefinition(world.alice, DEV, null).text()).isEqualTo(stored);
        assertThat(world.service.decryptDefinition(world.alice, DEV, null).text()).contains(PLAINTEXT);

        String untouched = "values:\n    spaced:   {a: 1}   # four spaces\n";
        world.service.updateEnvironment(world.alice, DEV, yaml(untouched), Precondition.none());
        assertThat(world.service.getDefinition(world.alice, DEV, null).text()).isEqualTo(untouched);
    }

    @StoreTest
    void ciphertextOfOneOrganizationDoesNotDecryptInAnother(StoreFixture fixture) {
        ServiceWorld world = new ServiceWorld(fixture);
        world.define(DEV, DEFINITION);
        Matcher m = Pattern.compile("ciphertext: (\\S+)").matcher(world.service.getDefinition(world.alice, DEV, null)
                .text());
        assertThat(m.find()).isTrue();

        EnvironmentRef copy = new EnvironmentRef("globex", "p", "copy");
        world.service.createEnvironment(world.carol, copy);
        world.service.updateEnvironment(world.carol, copy,
                yaml("values:\n  password:\n    fn::secret:\n      ciphertext: " + m.group(1) + "\n"),
                Precondition.none());

        assertThatThrownBy(() -> world.service.decryptDefinition(world.carol, copy, null))
                .isInstanceOf(EscException.InvalidRequest.class)
                .hasMessageContaining("invalid ciphertext")
                .hasMessageNotContaining(PLAINTEXT);
        assertThatThrownBy(() -> world.service.openEnvironment(world.carol, copy, null, null))
                .isInstanceOf(EscException.EvaluationFailed.class)
                .satisfies(e -> assertThat(((EscException.EvaluationFailed) e).diagnostics().toString())
                        .doesNotContain(PLAINTEXT));
    }

    private static String bytesUnder(Path directory) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all.length()).isPositive();
        return all.toString();
    }

}
