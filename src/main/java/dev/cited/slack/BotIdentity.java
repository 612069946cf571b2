package dev.cited.slack;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The bot's own user id: learnt from an event's {@code authorizations[0].user_id}, else asked once of auth.test
 * (asked again later only if that failed).
 */
public final class BotIdentity {
    private final AtomicReference<String> userId = new AtomicReference<>();
    private final Supplier<Optional<String>> authTest;

    public BotIdentity(Supplier<Optional<String>> authTest) {
        this.authTest = authTest;
    }

    public void learn(String id) {
        if (id != null && !id.isBlank()) {
            userId.set(id);
        }
    }

    /** Known without a call, or null. */
    public String known() {
        return userId.get();
    }

    /** Known, or looked up now (blocking; call from a worker thread). Null when unknown. */
    public String resolve() {
        String id = userId.get();
        if (id != null) {
            return id;
        }
        authTest.get().ifPresent(this::learn);
        return userId.get();
    }
}
