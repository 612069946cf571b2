package dev.cited.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A before-handler that answers 429 (with Retry-After, in seconds) to a client over its budget. Asking
 * (POST /api/ask, /api/ask/stream, /v1/chat/completions, and an MCP call of the {@code ask} tool) is expensive and
 * has its own budget; every other call to /api/, /v1/ or /mcp shares the other.
 * The web UI's files, /health, /openapi.json and the Slack webhook (signed, and Slack retries from a few
 * addresses) are not limited. Who "a client" is comes from {@code clientKey}: the remote address by default, an
 * API key's id once there is sign-in.
 */
public final class RateLimits implements Handler {
    /** The client is its remote address (the TCP peer: a forwarded-for header could be made up). */
    public static final Function<Context, String> BY_ADDRESS = ctx -> ctx.req().getRemoteAddr();
    /**
     * The client is the signed-in user, whatever address their requests come from (registered after the
     * authenticator, with sign-in on); requests acting for nobody in particular are left to the address limit.
     */
    public static final Function<Context, String> BY_USER = ctx -> {
        String user = Access.principal(ctx).userId();
        return user == null ? null : "user:" + user;
    };

    private final TokenBuckets asking;
    /** Where a question is asked: each answer costs retrieval and a model call, so they share the asking budget. */
    static final Set<String> ASKING = Set.of("/api/ask", "/api/ask/stream", "/v1/chat/completions");

    private final TokenBuckets other;
    private final Function<Context, String> clientKey;

    /** Budgets per minute; 0 turns that budget's limit off. */
    public RateLimits(int askPerMinute, int otherPerMinute, Function<Context, String> clientKey) {
        this.asking = askPerMinute > 0 ? new TokenBuckets(askPerMinute) : null;
        this.other = otherPerMinute > 0 ? new TokenBuckets(otherPerMinute) : null;
        this.clientKey = clientKey;
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.path();
        if (!(path.startsWith("/api/") || path.startsWith("/v1/") || path.equals("/mcp"))) {
            return;
        }
        boolean ask = ctx.method() == HandlerType.POST
                && (ASKING.contains(path) || path.equals(McpRoutes.PATH) && McpRoutes.asksAQuestion(ctx));
        TokenBuckets budget = ask ? asking : other;
        if (budget == null) {
            return;
        }
        String client = clientKey.apply(ctx);
        if (client == null) {
            return;
        }
        long waitNanos = budget.take(client);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
            ctx.header("Retry-After", String.valueOf(seconds));
            throw ApiErrors.error(429, "rate_limited", "Too many requests: at most " + budget.perMinute() + " "
                    + (ask ? "questions" : "requests") + " a minute from one client. Try again in " + seconds
                    + (seconds == 1 ? " second" : " seconds"));
        }
    }
}
