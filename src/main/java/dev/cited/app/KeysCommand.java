package dev.cited.app;

import dev.cited.access.IssuedKey;
import dev.cited.access.KeyInfo;
import dev.cited.access.Role;
import dev.cited.storage.Database;
import dev.cited.storage.SqlStores;

import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code cited keys create|list|revoke}: API keys, in the database the server keeps its state in (the same
 * default: data/cited.db, or CITED_DATABASE_URL). Works while the server runs.
 */
final class KeysCommand {
    private final CitedConfig config;
    private final PrintStream out;

    KeysCommand(CitedConfig config, PrintStream out) {
        this.config = config.withDurableState();
        this.out = out;
    }

    int create(String name, Role role) {
        try (SqlStores stores = open()) {
            IssuedKey key = stores.apiKeys().create(name, role);
            out.println("Created " + key.role().label() + " key " + key.id() + " for " + key.userName() + ":");
            out.println();
            out.println("  " + key.secret());
            out.println();
            out.println("It is shown this once and kept only as a hash. Send it as 'Authorization: Bearer <key>',"
                    + " or paste it into the web UI's sign-in. The server asks for keys with CITED_AUTH=keys.");
            return 0;
        }
    }

    int list() {
        try (SqlStores stores = open()) {
            var keys = stores.apiKeys().list();
            if (keys.isEmpty()) {
                out.println("No keys yet: cited keys create --name NAME --role user|admin");
                return 0;
            }
            out.printf("%-20s %-24s %-6s %-22s %s%n", "ID", "USER", "ROLE", "CREATED", "REVOKED");
            for (KeyInfo key : keys) {
                out.printf("%-20s %-24s %-6s %-22s %s%n", key.id(), key.userName(), key.role().label(),
                        key.createdAt().toString().replaceFirst("\\.\\d+Z$", "Z"),
                        key.revokedAt() == null ? "-" : key.revokedAt().toString().replaceFirst("\\.\\d+Z$", "Z"));
            }
            return 0;
        }
    }

    int revoke(String keyId) {
        try (SqlStores stores = open()) {
            if (!stores.apiKeys().revoke(keyId)) {
                out.println("No key " + keyId + " in use (cited keys list shows them)");
                return 1;
            }
            out.println("Revoked " + keyId + ": it and the browsers signed in with it are let in no more.");
            return 0;
        }
    }

    private SqlStores open() {
        return SqlStores.open(config.databaseUrl(), Clock.systemUTC(), Stores.TURNS_REMEMBERED, Stores.SLACK_KEY_TTL,
                Stores.SESSION_TTL);
    }

    /** Where the keys are, for messages. */
    String where() {
        return Database.redacted(config.databaseUrl());
    }
}
