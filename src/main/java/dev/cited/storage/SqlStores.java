package dev.cited.storage;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;

/** Every store kept in one database, opened and closed together. */
public final class SqlStores implements AutoCloseable {
    private final Database db;
    private final SqlConversationStore conversations;
    private final SqlFeedbackStore feedback;
    private final SqlEventKeys slackKeys;

    private SqlStores(Database db, Clock clock, int turnsRemembered, Duration slackKeyTtl) {
        this.db = db;
        this.conversations = new SqlConversationStore(db, new ObjectMapper(), clock, turnsRemembered);
        this.feedback = new SqlFeedbackStore(db, clock);
        this.slackKeys = new SqlEventKeys(db, slackKeyTtl, clock);
    }

    /**
     * @param turnsRemembered how many of a conversation's newest turns a follow-up reads
     * @param slackKeyTtl     how long a Slack request key is remembered (Slack retries within minutes)
     */
    public static SqlStores open(String url, Clock clock, int turnsRemembered, Duration slackKeyTtl) {
        return new SqlStores(Database.open(url), clock, turnsRemembered, slackKeyTtl);
    }

    public SqlConversationStore conversations() {
        return conversations;
    }

    public SqlFeedbackStore feedback() {
        return feedback;
    }

    public SqlEventKeys slackKeys() {
        return slackKeys;
    }

    @Override
    public void close() {
        db.close();
    }
}
