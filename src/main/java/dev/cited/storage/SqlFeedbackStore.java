package dev.cited.storage;

import dev.cited.feedback.Feedback;
import dev.cited.feedback.FeedbackStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Feedback in the database, one row per answer and face; the database refuses feedback on a turn never given. */
public final class SqlFeedbackStore implements FeedbackStore {
    private final Database db;
    private final Clock clock;

    public SqlFeedbackStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Feedback save(String conversationId, int turn, Feedback.Rating rating, String comment, String source) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        String text = comment == null ? "" : comment;
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("INSERT INTO feedback (conversation_id, turn_number, rating,"
                     + " comment, source, created_at) VALUES (?, ?, ?, ?, ?, ?)"
                     + " ON CONFLICT (conversation_id, turn_number, source) DO UPDATE SET rating = excluded.rating,"
                     + " comment = excluded.comment, created_at = excluded.created_at RETURNING id")) {
            s.setString(1, conversationId);
            s.setInt(2, turn);
            s.setString(3, rating.name().toLowerCase(Locale.ROOT));
            s.setString(4, text);
            s.setString(5, source);
            s.setLong(6, now.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Feedback("f-" + r.getLong(1), conversationId, turn, rating, text, source, now);
            }
        } catch (SQLException e) {
            throw new StorageException("Could not store feedback on " + conversationId + " turn " + turn, e);
        }
    }

    @Override
    public List<Feedback> all() {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("SELECT id, conversation_id, turn_number, rating, comment,"
                     + " source, created_at FROM feedback ORDER BY created_at, id");
             ResultSet r = s.executeQuery()) {
            List<Feedback> all = new ArrayList<>();
            while (r.next()) {
                all.add(new Feedback("f-" + r.getLong(1), r.getString(2), r.getInt(3),
                        Feedback.Rating.parse(r.getString(4)), r.getString(5), r.getString(6),
                        Instant.ofEpochMilli(r.getLong(7))));
            }
            return all;
        } catch (SQLException e) {
            throw new StorageException("Could not read feedback", e);
        }
    }
}
