package dev.cited.storage;

import dev.cited.access.Principal;
import dev.cited.access.Role;
import dev.cited.access.Secrets;
import dev.cited.access.Session;
import dev.cited.access.Sessions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Browser sessions in the database, so a restart signs nobody out; tokens kept as hashes. */
public final class SqlSessions implements Sessions {
    private final Database db;
    private final Clock clock;
    private final Duration ttl;

    public SqlSessions(Database db, Clock clock, Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Session open(Principal principal) {
        String token = Secrets.newSecret("");
        String csrf = Secrets.newSecret("");
        long now = clock.millis();
        Instant expires = Instant.ofEpochMilli(now).plus(ttl);
        try (Connection c = db.connection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
                s.setLong(1, now);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sessions (token_hash, key_id, csrf_token,"
                    + " created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, Secrets.hash(token));
                s.setString(2, principal.keyId());
                s.setString(3, csrf);
                s.setLong(4, now);
                s.setLong(5, expires.toEpochMilli());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not open a session for " + principal.name(), e);
        }
        return new Session(token, principal, csrf, expires);
    }

    @Override
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT u.id, u.name, k.role, k.id, s.csrf_token, s.expires_at"
                     + " FROM sessions s JOIN api_keys k ON k.id = s.key_id JOIN users u ON u.id = k.user_id"
                     + " WHERE s.token_hash = ? AND s.expires_at > ? AND k.revoked_at IS NULL")) {
            s.setString(1, Secrets.hash(token));
            s.setLong(2, clock.millis());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Principal principal = new Principal(r.getString(1), r.getString(2), Role.parse(r.getString(3)),
                        r.getString(4));
                return Optional.of(new Session(null, principal, r.getString(5), Instant.ofEpochMilli(r.getLong(6))));
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read a session", e);
        }
    }

    @Override
    public void close(String token) {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
            s.setString(1, Secrets.hash(token));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Could not close a session", e);
        }
    }
}
