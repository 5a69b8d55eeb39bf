package dev.openesc.cli.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.cli.EscException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code $ESC_HOME/credentials.json}, readable by its owner only (0600): tokens are in it. Written to a temporary
 * file of the same folder first, so a crash never leaves half a file.
 */
public final class CredentialsStore {
    /**
     * Made on first use: an ObjectMapper loads about 500 classes, and most commands run without a login (no
     * credentials file to read), so the embedded backend's start-up does not pay for it.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Path file;

    public CredentialsStore(Path home) {
        this.file = home.resolve("credentials.json");
    }

    public Credentials load() {
        if (!Files.exists(file)) {
            return Credentials.empty();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            String current = root.path("current").isTextual() ? root.path("current").asText() : null;
            Map<String, Credentials.Account> accounts = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.path("accounts").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = e.getValue();
                List<String> orgs = new ArrayList<>();
                a.path("organizations").forEach(o -> orgs.add(o.asText()));
                accounts.put(e.getKey(), new Credentials.Account(a.path("accessToken").asText(""),
                        a.path("username").asText(""), orgs));
            }
            return new Credentials(current, accounts);
        } catch (IOException e) {
            throw new EscException("reading " + file + ": not a valid credentials file");
        }
    }

    public void save(Credentials credentials) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (credentials.current() != null) {
            root.put("current", credentials.current());
        }
        ObjectNode accounts = root.putObject("accounts");
        credentials.accounts().forEach((url, a) -> {
            ObjectNode o = accounts.putObject(url);
            o.put("accessToken", a.accessToken());
            o.put("username", a.username());
            ArrayNode orgs = o.putArray("organizations");
            a.organizations().forEach(orgs::add);
        });
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new EscException("writing " + file + ": " + e.getMessage());
        }
    }
}
