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
    private final SqlApiKeys apiKeys;
    private final SqlSessions sessions;

    private SqlStores(Database db, Clock clock, int turnsRemembered, Duration slackKeyTtl, Duration sessionTtl) {
        this.db = db;
        this.conversations = new SqlConversationStore(db, new ObjectMapper(), clock, turnsRemembered);
        this.feedback = new SqlFeedbackStore(db, clock);
        this.slackKeys = new SqlEventKeys(db, slackKeyTtl, clock);
        this.apiKeys = new SqlApiKeys(db, clock);
        this.sessions = new SqlSessions(db, clock, sessionTtl);
    }

    /**
     * @param turnsRemembered how many of a conversation's newest turns a follow-up reads
     * @param slackKeyTtl     how long a Slack request key is remembered (Slack retries within minutes)
     * @param sessionTtl      how long a browser stays signed in
     */
    public static SqlStores open(String url, Clock clock, int turnsRemembered, Duration slackKeyTtl,
                                 Duration sessionTtl) {
        return new SqlStores(Database.open(url), clock, turnsRemembered, slackKeyTtl, sessionTtl);
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

    public SqlApiKeys apiKeys() {
        return apiKeys;
    }

    public SqlSessions sessions() {
        return sessions;
    }

    @Override
    public void close() {
        db.close();
    }
}
