package dev.cited.storage;

import dev.cited.conversation.InMemoryConversationStore;
import dev.cited.feedback.InMemoryFeedbackStore;
import dev.cited.slack.RecentKeys;

import java.time.Duration;

class InMemoryStoresTest extends StoreContract {
    @Override
    StoreSet open() {
        return new StoreSet(new InMemoryConversationStore(1000, Duration.ofDays(1), TURNS_REMEMBERED, clock),
                new InMemoryFeedbackStore(1000, clock), new RecentKeys(KEY_TTL, 1000, clock), null, null, () -> { });
    }

    @Override
    boolean durable() {
        return false;
    }
}
