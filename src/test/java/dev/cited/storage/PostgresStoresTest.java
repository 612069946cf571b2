package dev.cited.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The store contract against a real PostgreSQL: CITED_TEST_POSTGRES_URL names a database the tests may create
 * schemas in (.ci/run starts one and sets it). Skipped without it, unless CITED_REQUIRE_POSTGRES is set (CI).
 */
class PostgresStoresTest extends StoreContract {
    private static final String SERVER = System.getenv("CITED_TEST_POSTGRES_URL");
    private static final String PREFIX = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    private static int schemas;
    private String schema;

    @BeforeAll
    static void needsAServer() {
        if (SERVER == null || SERVER.isBlank()) {
            if (System.getenv("CITED_REQUIRE_POSTGRES") != null) {
                throw new IllegalStateException("CITED_REQUIRE_POSTGRES is set but CITED_TEST_POSTGRES_URL is not");
            }
            Assumptions.abort("CITED_TEST_POSTGRES_URL is not set: no PostgreSQL to test against");
        }
    }

    @Override
    void prepareEmptyPlace() throws SQLException {
        schema = PREFIX + (++schemas);
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    StoreSet open() {
        String url = SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        SqlStores sql = SqlStores.open(url, clock, TURNS_REMEMBERED, KEY_TTL, SESSION_TTL);
        return new StoreSet(sql.conversations(), sql.feedback(), sql.slackKeys(), sql.apiKeys(), sql.sessions(), sql);
    }

    @Override
    boolean durable() {
        return true;
    }
}
