package dev.cited.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A pool of connections to the database that keeps Cited's state, its schema migrated to the newest version
 * on open (Flyway, scripts under {@code db/migration/common}, the same for every dialect but for its placeholders).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;

    /** The SQL dialects the schema is written for, with what their migration scripts spell differently. */
    private enum Dialect {
        SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT"),
        POSTGRESQL("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

        /** An auto-numbered primary key column's type. */
        final String generatedId;

        Dialect(String generatedId) {
            this.generatedId = generatedId;
        }
    }

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** The embedded default: a SQLite file {@code cited.db} in {@code dataDir}. */
    public static String sqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("cited.db").toAbsolutePath().normalize();
    }

    /**
     * Opens {@code url} ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}) and migrates its schema.
     *
     * @throws IllegalArgumentException for a URL of another kind, or a database that cannot be reached, with a
     *                                  message for the user
     */
    public static Database open(String url) {
        Dialect dialect = dialect(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("cited-db");
        config.setConnectionTimeout(10_000);
        if (dialect == Dialect.SQLITE) {
            createParentFolder(url);
            // WAL: readers never wait for the writer, and a commit is on disk in the log before it returns, so
            // an acknowledged write survives kill -9. IMMEDIATE: a writing transaction takes the write lock when it
            // begins, so two writers wait for each other (busy_timeout) instead of failing half-way.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(4);
        } else {
            config.setMaximumPoolSize(8);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot open the database " + redacted(url) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool)
                    .locations("classpath:db/migration/common")
                    .placeholders(Map.of("generated_id", dialect.generatedId))
                    .loggers("slf4j")
                    .load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalArgumentException("Cannot prepare the database " + redacted(url) + ": " + rootMessage(e), e);
        }
        return new Database(pool);
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Work done on one connection, all of it or none. */
    @FunctionalInterface
    interface Transaction<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Transaction<T> work) throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The URL without a password, for messages and logs. */
    public static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):[^@/]*@", "//$1:***@");
    }

    @Override
    public void close() {
        pool.close();
    }

    private static Dialect dialect(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return Dialect.SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL " + redacted(url)
                + ": use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }

    private static void createParentFolder(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        Path parent = Path.of(query < 0 ? file : file.substring(0, query)).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot create the data folder " + parent + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "unknown error" : root.getMessage();
    }
}
