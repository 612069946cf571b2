package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.access.Authentication;
import dev.cited.access.Principal;
import dev.cited.access.Session;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * /api/session: GET says whether sign-in is needed and who is signed in; POST signs a browser in with an API
 * key (an HttpOnly session cookie, and the CSRF token the page must send back); DELETE signs it out.
 */
final class SessionRoutes {
    static final String PATH = "/api/session";

    private final Authentication auth;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;

    SessionRoutes(Authentication auth, Authenticator authenticator, ObjectMapper mapper) {
        this.auth = auth;
        this.authenticator = authenticator;
        this.mapper = mapper;
    }

    void current(Context ctx) {
        if (!auth.required()) {
            ctx.json(body(Principal.LOCAL, null));
            return;
        }
        Optional<Session> session = authenticator.session(ctx);
        ctx.json(session.map(s -> body(s.principal(), s.csrfToken())).orElseGet(() -> body(null, null)));
    }

    void signIn(Context ctx) {
        if (!auth.required()) {
            throw ApiErrors.error(409, "auth_off", "Nobody needs to sign in: authentication is off (CITED_AUTH)");
        }
        JsonNode body = JsonBodies.object(ctx, mapper);
        String key = JsonBodies.optionalString(body, "key");
        if (key == null || key.isBlank()) {
            throw ApiErrors.badRequest("missing_key", "Send the API key as 'key'");
        }
        Principal principal = auth.keys().authenticate(key.strip()).orElseThrow(() ->
                ApiErrors.error(401, "invalid_key", "That API key is not valid (unknown or revoked)"));
        Session session = auth.sessions().open(principal);
        ctx.header("Set-Cookie", Authenticator.cookie(ctx, session.token(), auth.sessionTtl().toSeconds()));
        ctx.json(body(principal, session.csrfToken()));
    }

    void signOut(Context ctx) {
        if (auth.required()) {
            Optional<Session> session = authenticator.session(ctx);
            if (session.isPresent()) {
                Authenticator.requireCsrfToken(ctx, session.get()); // another site cannot sign the user out
                auth.sessions().close(ctx.cookie(Authenticator.COOKIE));
            }
            ctx.header("Set-Cookie", Authenticator.cookie(ctx, "", 0));
        }
        ctx.status(204);
    }

    private Map<String, Object> body(Principal principal, String csrfToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auth", auth.required() ? "keys" : "off");
        body.put("signedIn", principal != null);
        if (principal != null) {
            body.put("user", principal.name());
            body.put("role", principal.role().label());
        }
        if (csrfToken != null) {
            body.put("csrfToken", csrfToken);
        }
        return body;
    }
}
