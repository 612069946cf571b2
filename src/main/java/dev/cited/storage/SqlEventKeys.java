package dev.cited.storage;

import dev.cited.slack.EventKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

/** Slack's request keys in the database, so a retry that arrives after a restart is still recognised. */
public final class SqlEventKeys implements EventKeys {
    private final Database db;
    private final Duration ttl;
    private final Clock clock;

    public SqlEventKeys(Database db, Duration ttl, Clock clock) {
        this.db = db;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public boolean claim(Collection<String> keys) {
        long now = clock.millis();
        try {
            return db.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM slack_keys WHERE claimed_at <= ?")) {
                    s.setLong(1, now - ttl.toMillis());
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO slack_keys (claim_key, claimed_at)"
                        + " VALUES (?, ?) ON CONFLICT (claim_key) DO NOTHING")) {
                    for (String key : keys) {
                        s.setString(1, key);
                        s.setLong(2, now);
                        if (s.executeUpdate() == 0) {
                            c.rollback(); // one key was taken: claim none
                            return false;
                        }
                    }
                }
                return true;
            });
        } catch (SQLException e) {
            throw new StorageException("Could not record Slack request keys", e);
        }
    }

    @Override
    public void release(Collection<String> keys) {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("DELETE FROM slack_keys WHERE claim_key = ?")) {
            for (String key : keys) {
                s.setString(1, key);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not release Slack request keys", e);
        }
    }
}
