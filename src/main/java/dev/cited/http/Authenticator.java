package dev.cited.http;

import dev.cited.access.Authentication;
import dev.cited.access.Principal;
import dev.cited.access.Session;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Runs before every request: finds who it acts for, from an {@code Authorization: Bearer} API key or the
 * session cookie of a signed-in browser, and refuses API requests that are neither (401). A cookie alone never
 * changes anything: requests other than GET must echo the session's CSRF token in {@code X-CSRF-Token}, which a
 * page of another site cannot read. The web UI's files, health probes, the OpenAPI description, signing in and
 * Slack (which signs its own requests) are open; /metrics needs an admin key. The OpenAI-compatible endpoint and MCP
 * take the same keys as bearer tokens.
 */
final class Authenticator {
    static final String COOKIE = "cited_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Authentication auth;

    Authenticator(Authentication auth) {
        this.auth = auth;
    }

    void handle(Context ctx) {
        if (!auth.required()) {
            ctx.attribute(Access.PRINCIPAL, Principal.LOCAL);
            return;
        }
        String path = ctx.path();
        if (!guarded(path)) {
            return;
        }
        ctx.attribute(Access.PRINCIPAL, authenticate(ctx));
    }

    /**
     * The API, the OpenAI-compatible endpoint ({@code /v1/}), the MCP endpoint and /metrics need a key; signing in
     * itself, the UI's files, health probes, the API description and Slack's webhook do not.
     */
    static boolean guarded(String path) {
        return (path.startsWith("/api/") || path.startsWith("/v1/") || path.equals("/mcp") || path.startsWith("/mcp/")
                || path.equals("/metrics")) && !path.equals(SessionRoutes.PATH);
    }

    Principal authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            String key = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : "";
            return auth.keys().authenticate(key).orElseThrow(() -> unauthorized(ctx, "invalid_key",
                    "That API key is not valid (unknown or revoked)"));
        }
        Optional<Session> session = session(ctx);
        if (session.isEmpty()) {
            throw unauthorized(ctx, "unauthenticated", ctx.cookie(COOKIE) != null
                    ? "Your session has ended: sign in again"
                    : "Sign in: send 'Authorization: Bearer <API key>', or sign in on the web UI");
        }
        requireCsrfToken(ctx, session.get());
        return session.get().principal();
    }

    /** @throws io.javalin.http.HttpResponseException 403 when a request that changes something lacks the token */
    static void requireCsrfToken(Context ctx, Session session) {
        if (changesSomething(ctx.method()) && !sameSecret(ctx.header(CSRF_HEADER), session.csrfToken())) {
            throw ApiErrors.error(403, "csrf_token_missing", "This request needs the session's " + CSRF_HEADER
                    + " header (the web UI sends it)");
        }
    }

    /** The session of this request's cookie, while it lasts. */
    Optional<Session> session(Context ctx) {
        String token = ctx.cookie(COOKIE);
        return token == null || token.isBlank() ? Optional.empty() : auth.sessions().find(token);
    }

    private static boolean changesSomething(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    private static boolean sameSecret(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static io.javalin.http.HttpResponseException unauthorized(Context ctx, String code, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"cited\"");
        return ApiErrors.error(401, code, message);
    }

    /** The session cookie: sent only to this site, never to scripts, over HTTPS only when the request came so. */
    static String cookie(Context ctx, String token, long maxAgeSeconds) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return COOKIE + "=" + token + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }
}
