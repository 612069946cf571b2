package dev.cited.storage;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteStoresTest extends StoreContract {
    @TempDir
    Path dataDir;

    @Override
    StoreSet open() {
        SqlStores sql = SqlStores.open(Database.sqliteUrl(dataDir), clock, TURNS_REMEMBERED, KEY_TTL, SESSION_TTL);
        return new StoreSet(sql.conversations(), sql.feedback(), sql.slackKeys(), sql.apiKeys(), sql.sessions(), sql);
    }

    @Override
    boolean durable() {
        return true;
    }
}
