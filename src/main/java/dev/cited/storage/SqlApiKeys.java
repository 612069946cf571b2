package dev.cited.storage;

import dev.cited.access.ApiKeys;
import dev.cited.access.IssuedKey;
import dev.cited.access.KeyInfo;
import dev.cited.access.Principal;
import dev.cited.access.Role;
import dev.cited.access.Secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API keys and their users in the database; a key's secret is kept only as its hash. */
public final class SqlApiKeys implements ApiKeys {
    /** What every key starts with, so one pasted in the wrong place is recognisable (and secret scanners find it). */
    public static final String KEY_PREFIX = "cited_";

    private final Database db;
    private final Clock clock;

    public SqlApiKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public IssuedKey create(String userName, Role role) {
        String name = userName == null ? "" : userName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("A key needs the name of its user (1 to 100 characters)");
        }
        String secret = Secrets.newSecret(KEY_PREFIX);
        String keyId = Secrets.newId("k-");
        long now = clock.millis();
        try {
            db.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO users (id, name, created_at)"
                        + " VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                    s.setString(1, Secrets.newId("u-"));
                    s.setString(2, name);
                    s.setLong(3, now);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO api_keys (id, user_id, role, secret_hash,"
                        + " created_at) SELECT ?, id, ?, ?, ? FROM users WHERE name = ?")) {
                    s.setString(1, keyId);
                    s.setString(2, role.label());
                    s.setString(3, Secrets.hash(secret));
                    s.setLong(4, now);
                    s.setString(5, name);
                    return s.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StorageException("Could not create a key for " + name, e);
        }
        return new IssuedKey(keyId, name, role, secret);
    }

    @Override
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT u.id, u.name, k.role, k.id FROM api_keys k"
                     + " JOIN users u ON u.id = k.user_id WHERE k.secret_hash = ? AND k.revoked_at IS NULL")) {
            s.setString(1, Secrets.hash(secret));
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new Principal(r.getString(1), r.getString(2), Role.parse(r.getString(3)), r.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not check a key", e);
        }
    }

    @Override
    public List<KeyInfo> list() {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT k.id, u.name, k.role, k.created_at, k.revoked_at"
                     + " FROM api_keys k JOIN users u ON u.id = k.user_id ORDER BY k.created_at, k.id");
             ResultSet r = s.executeQuery()) {
            List<KeyInfo> keys = new ArrayList<>();
            while (r.next()) {
                long revoked = r.getLong(5);
                Instant revokedAt = r.wasNull() ? null : Instant.ofEpochMilli(revoked);
                keys.add(new KeyInfo(r.getString(1), r.getString(2), Role.parse(r.getString(3)),
                        Instant.ofEpochMilli(r.getLong(4)), revokedAt));
            }
            return keys;
        } catch (SQLException e) {
            throw new StorageException("Could not list keys", e);
        }
    }

    @Override
    public boolean revoke(String keyId) {
        try {
            return db.inTransaction(c -> {
                int revoked;
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                    s.setLong(1, clock.millis());
                    s.setString(2, keyId);
                    revoked = s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE key_id = ?")) {
                    s.setString(1, keyId);
                    s.executeUpdate();
                }
                return revoked > 0;
            });
        } catch (SQLException e) {
            throw new StorageException("Could not revoke key " + keyId, e);
        }
    }
}
