package dev.cited.app;

import dev.cited.access.IssuedKey;
import dev.cited.access.KeyInfo;
import dev.cited.access.Role;
import dev.cited.storage.SqlStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cited keys create|list|revoke}: the API keys people and programs sign in with, kept (hashed) in the
 * database the server keeps its state in (the same default: data/cited.db, or CITED_DATABASE_URL). Works while
 * the server runs.
 */
@Command(name = "keys", sortOptions = false,
        description = {"Creates, lists and revokes API keys (CITED_AUTH=keys asks every request for one).",
                "Kept as hashes in the server's database: data/cited.db (in --data when given), or CITED_DATABASE_URL."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
    @ParentCommand
    CitedCommand cited;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "keys needs what to do: create, list or revoke");
    }

    /** The stores of the database {@code data} names, as serve would open them. */
    SqlStores open(Path data) {
        CitedConfig.Builder b = CitedConfig.fromEnvironment(cited.env).toBuilder();
        if (data != null) {
            b.dataDir(data);
        }
        CitedConfig config = b.build().withDurableState();
        return Stores.sql(config.databaseUrl(), Clock.systemUTC());
    }

    /** The --data flag every keys command takes, to find the database when it is not CITED_DATABASE_URL. */
    static class DataFlag {
        @Option(names = "--data", paramLabel = "DIR",
                description = "the server's data folder  [CITED_DATA, default data]")
        Path data;
    }

    @Command(name = "create", description = "Creates a key and prints it, once.")
    static final class Create extends DataFlag implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Option(names = "--name", paramLabel = "NAME", required = true,
                description = "the user it belongs to (keys of one name share conversations)")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", description = "user | admin  [default user]")
        String role = "user";

        @Override
        public Integer call() {
            PrintStream out = keys.cited.out;
            try (SqlStores stores = keys.open(data)) {
                IssuedKey key = stores.apiKeys().create(name, Role.parse(role));
                out.println("Created " + key.role().label() + " key " + key.id() + " for " + key.userName() + ":");
                out.println();
                out.println("  " + key.secret());
                out.println();
                out.println("It is shown this once and kept only as a hash. Send it as 'Authorization: Bearer <key>',"
                        + " or paste it into the web UI's sign-in. The server asks for keys with CITED_AUTH=keys.");
                return 0;
            }
        }
    }

    @Command(name = "list", description = "Lists every key: id, user, role, when created and revoked (never the key).")
    static final class ListKeys extends DataFlag implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Override
        public Integer call() {
            PrintStream out = keys.cited.out;
            try (SqlStores stores = keys.open(data)) {
                List<KeyInfo> all = stores.apiKeys().list();
                if (all.isEmpty()) {
                    out.println("No keys yet: cited keys create --name NAME [--role user|admin]");
                    return 0;
                }
                out.printf("%-20s %-24s %-6s %-21s %s%n", "ID", "USER", "ROLE", "CREATED", "REVOKED");
                for (KeyInfo key : all) {
                    out.printf("%-20s %-24s %-6s %-21s %s%n", key.id(), key.userName(), key.role().label(),
                            seconds(key.createdAt()), key.revokedAt() == null ? "-" : seconds(key.revokedAt()));
                }
                return 0;
            }
        }

        private static String seconds(Instant instant) {
            return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }
    }

    @Command(name = "revoke", description = "Revokes a key: it, and the browsers signed in with it, are let in no more.")
    static final class Revoke extends DataFlag implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Parameters(paramLabel = "KEY_ID", description = "the key's id, as keys list shows it")
        String id;

        @Override
        public Integer call() {
            PrintStream out = keys.cited.out;
            try (SqlStores stores = keys.open(data)) {
                if (!stores.apiKeys().revoke(id)) {
                    keys.cited.err.println("cited: no key " + id + " in use (cited keys list shows them)");
                    return 1;
                }
                out.println("Revoked " + id + ": it and the browsers signed in with it are let in no more.");
                return 0;
            }
        }
    }
}
