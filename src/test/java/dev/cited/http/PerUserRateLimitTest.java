package dev.cited.http;

import dev.cited.access.Principal;
import dev.cited.access.Role;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-user budget, on a real Javalin server: the user comes from the authenticator's attribute (here set
 * from a test header), so one user's questions use up only their own budget, whatever address they come from.
 */
class PerUserRateLimitTest {
    private static Javalin app;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ApiErrors.register(config.routes);
            config.routes.before(ctx -> {
                String user = ctx.header("X-Test-User");
                ctx.attribute(Access.PRINCIPAL, user == null ? Principal.LOCAL : new Principal(user, user, Role.USER, "k-" + user));
            });
            config.routes.before(new RateLimits(2, 0, RateLimits.BY_USER));
            config.routes.post("/api/ask", ctx -> ctx.result("answered"));
        }).start("127.0.0.1", 0);
        api = new ApiClient(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> ask(String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/ask")).timeout(ApiClient.TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (user != null) {
            request.header("X-Test-User", user);
        }
        return api.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenTwoUsersOnOneAddress_whenOneUsesUpTheBudget_thenOnlyTheyAreRefused() throws Exception {
        assertEquals(200, ask("u-ann").statusCode());
        assertEquals(200, ask("u-ann").statusCode());
        HttpResponse<String> refused = ask("u-ann");
        ApiClient.assertError(refused, 429, "rate_limited");
        assertEquals(true, refused.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, ask("u-bob").statusCode(), "Bob's budget is his own");
        for (int i = 0; i < 4; i++) {
            assertEquals(200, ask(null).statusCode(), "nobody signed in: left to the address limit");
        }
    }
}
