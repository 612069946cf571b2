package dev.cited.http;

import io.javalin.http.Context;
import org.slf4j.MDC;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Gives every request an id: a sane incoming {@code X-Request-Id} (from a proxy, say) is kept, anything else is
 * replaced by a new one. It is echoed in the response and put in the log context (MDC key {@code requestId}), so
 * every line logged while answering it carries it.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "cited.requestId";
    /** Letters, digits and . _ : - only, at most 64: nothing that could forge a log line or a header. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** Before every request: takes or makes its id, echoes it, and puts it in the log context. */
    static void assign(Context ctx) {
        String id = of(ctx);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** The request's id, made now if it has none yet (a request refused before any handler ran). */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            id = sane(ctx.header(HEADER));
            ctx.attribute(ATTRIBUTE, id);
        }
        return id;
    }

    /** {@code incoming} when it is a sane id, else a new random one. */
    static String sane(String incoming) {
        if (incoming != null && SANE.matcher(incoming).matches()) {
            return incoming;
        }
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
