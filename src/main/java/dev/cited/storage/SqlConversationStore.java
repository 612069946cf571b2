package dev.cited.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.Conversation;
import dev.cited.conversation.ConversationNotFoundException;
import dev.cited.conversation.ConversationStore;
import dev.cited.conversation.ConversationSummary;
import dev.cited.conversation.Turn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Conversations in the database: every turn is kept, with its answer and citations as the API returned them;
 * a conversation brings back its newest {@code turnsRemembered} turns, which is all a follow-up reads.
 */
public final class SqlConversationStore implements ConversationStore {
    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;
    private final int turnsRemembered;

    public SqlConversationStore(Database db, ObjectMapper json, Clock clock, int turnsRemembered) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.turnsRemembered = turnsRemembered;
    }

    @Override
    public Optional<Conversation> find(String id) {
        try (Connection c = db.connection()) {
            int turnCount;
            Instant updatedAt;
            String owner;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT turn_count, updated_at, owner FROM conversations WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    turnCount = r.getInt(1);
                    updatedAt = Instant.ofEpochMilli(r.getLong(2));
                    owner = r.getString(3);
                }
            }
            List<Turn> turns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT question, search_query, result FROM turns"
                    + " WHERE conversation_id = ? ORDER BY turn_number DESC LIMIT ?")) {
                s.setString(1, id);
                s.setInt(2, turnsRemembered);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        turns.add(new Turn(r.getString(1), r.getString(2), json.readValue(r.getString(3), AskResult.class)));
                    }
                }
            }
            Collections.reverse(turns);
            return Optional.of(new Conversation(id, owner, turns, turnCount, updatedAt));
        } catch (SQLException | JsonProcessingException e) {
            throw new StorageException("Could not read conversation " + id, e);
        }
    }

    @Override
    public int append(String id, String owner, Turn turn) {
        long now = clock.millis();
        try {
            return db.inTransaction(c -> {
                int number;
                // One statement claims the number, so concurrent questions in a conversation get distinct ones;
                // it updates nothing, and returns no row, when the conversation is someone else's.
                try (PreparedStatement s = c.prepareStatement("INSERT INTO conversations (id, owner, turn_count,"
                        + " created_at, updated_at) VALUES (?, ?, 1, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        + " turn_count = conversations.turn_count + 1, updated_at = excluded.updated_at"
                        + " WHERE conversations.owner IS NOT DISTINCT FROM excluded.owner RETURNING turn_count")) {
                    s.setString(1, id);
                    s.setString(2, owner);
                    s.setLong(3, now);
                    s.setLong(4, now);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            throw new ConversationNotFoundException(id);
                        }
                        number = r.getInt(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO turns (conversation_id, turn_number,"
                        + " question, search_query, result, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, id);
                    s.setInt(2, number);
                    s.setString(3, turn.question());
                    s.setString(4, turn.searchQuery());
                    s.setString(5, json(turn.result().withTurn(number)));
                    s.setLong(6, now);
                    s.executeUpdate();
                }
                return number;
            });
        } catch (SQLException e) {
            throw new StorageException("Could not store a turn of conversation " + id, e);
        }
    }

    private String json(AskResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new StorageException("Could not write an answer as JSON", e);
        }
    }

    @Override
    public List<ConversationSummary> list(String owner, int limit) {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT c.id, t.question, c.turn_count, c.updated_at"
                     + " FROM conversations c LEFT JOIN turns t ON t.conversation_id = c.id AND t.turn_number = 1"
                     + " WHERE c.owner IS NOT DISTINCT FROM ? ORDER BY c.updated_at DESC, c.id LIMIT ?")) {
            s.setString(1, owner);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                List<ConversationSummary> list = new ArrayList<>();
                while (r.next()) {
                    list.add(new ConversationSummary(r.getString(1), r.getString(2) == null ? "" : r.getString(2),
                            r.getInt(3), Instant.ofEpochMilli(r.getLong(4))));
                }
                return list;
            }
        } catch (SQLException e) {
            throw new StorageException("Could not list conversations", e);
        }
    }

    @Override
    public boolean hasTurn(String id, String owner, int turn) {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM turns t JOIN conversations c"
                     + " ON c.id = t.conversation_id WHERE t.conversation_id = ? AND t.turn_number = ?"
                     + " AND c.owner IS NOT DISTINCT FROM ?")) {
            s.setString(1, id);
            s.setInt(2, turn);
            s.setString(3, owner);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read conversation " + id, e);
        }
    }
}
