package dev.cited.app;

import dev.cited.access.Authentication;
import dev.cited.conversation.ConversationStore;
import dev.cited.conversation.InMemoryConversationStore;
import dev.cited.feedback.FeedbackStore;
import dev.cited.feedback.InMemoryFeedbackStore;
import dev.cited.slack.EventKeys;
import dev.cited.slack.RecentKeys;
import dev.cited.storage.Database;
import dev.cited.storage.SqlStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/** Where state users create is kept: a database when the configuration names one, memory otherwise. */
record Stores(ConversationStore conversations, FeedbackStore feedback, EventKeys slackKeys,
              Authentication authentication, AutoCloseable closer) implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Stores.class);
    /** Turns of a conversation a follow-up reads. */
    static final int TURNS_REMEMBERED = 20;
    static final Duration SLACK_KEY_TTL = Duration.ofHours(1);
    /** A browser stays signed in for a week. */
    static final Duration SESSION_TTL = Duration.ofDays(7);

    static Stores open(CitedConfig config) {
        Clock clock = Clock.systemUTC();
        boolean authRequired = config.authRequired();
        if (config.databaseUrl() == null) {
            if (authRequired) {
                throw new IllegalArgumentException("CITED_AUTH=keys keeps its keys in a database:"
                        + " set CITED_DATABASE_URL (serve uses data/cited.db by default)");
            }
            return new Stores(new InMemoryConversationStore(), new InMemoryFeedbackStore(),
                    new RecentKeys(SLACK_KEY_TTL, 20_000, clock), Authentication.OFF, () -> { });
        }
        SqlStores sql = sql(config.databaseUrl(), clock);
        LOG.info("Conversations and feedback are kept in {}", Database.redacted(config.databaseUrl()));
        Authentication authentication = authRequired
                ? new Authentication(true, sql.apiKeys(), sql.sessions(), SESSION_TTL) : Authentication.OFF;
        return new Stores(sql.conversations(), sql.feedback(), sql.slackKeys(), authentication, sql);
    }

    /** The stores in the database at {@code url}, with the server's settings (the keys command and benchmarks too). */
    static SqlStores sql(String url, Clock clock) {
        return SqlStores.open(url, clock, TURNS_REMEMBERED, SLACK_KEY_TTL, SESSION_TTL);
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            LOG.warn("Closing the database: {}", e.getMessage());
        }
    }
}
