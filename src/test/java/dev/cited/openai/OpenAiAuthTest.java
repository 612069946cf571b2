package dev.cited.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.cited.access.Role;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import dev.cited.storage.Database;
import dev.cited.storage.SqlStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CITED_AUTH=keys: /v1/ takes the API keys as bearer tokens; without a valid one, a 401 in OpenAI's shape. */
class OpenAiAuthTest {
    private static final String BODY = "{\"model\":\"cited\",\"messages\":[{\"role\":\"user\",\"content\":\"Who is Jens Stoltenberg?\"}]}";

    @TempDir
    static Path data;
    private static CitedServer server;
    private static String key;
    private static String revoked;

    @BeforeAll
    static void start() {
        String url = Database.sqliteUrl(data);
        try (SqlStores stores = SqlStores.open(url, Clock.systemUTC(), 20, Duration.ofHours(1), Duration.ofDays(1))) {
            key = stores.apiKeys().create("ann", Role.USER).secret();
            var old = stores.apiKeys().create("carol", Role.USER);
            stores.apiKeys().revoke(old.id());
            revoked = old.secret();
        }
        server = CitedServer.start(CitedConfig.builder().port(0).host("127.0.0.1").retrieval("bm25").databaseUrl(url)
                .auth("keys").build());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withoutAValidKeyEveryV1PathIs401InOpenAisShape() {
        V1Client anonymous = new V1Client(server.port(), null);
        for (String[] request : new String[][]{{"POST", "/v1/chat/completions"}, {"GET", "/v1/models"},
                {"GET", "/v1/models/cited"}}) {
            HttpResponse<String> response = anonymous.send(request[0], request[1], "application/json",
                    request[0].equals("POST") ? BODY : null);
            V1Client.assertOpenAiError(response, 401, "authentication_error", "unauthenticated");
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
        for (String bad : new String[]{"no-such-key", revoked}) {
            V1Client.assertOpenAiError(new V1Client(server.port(), bad).chat(BODY), 401, "authentication_error",
                    "invalid_key");
        }
    }

    @Test
    void aValidKeyIsAnsweredAndTheSdkSeesAWrongOneAsUnauthorized() {
        HttpResponse<String> answered = new V1Client(server.port(), key).chat(BODY);
        assertEquals(200, answered.statusCode(), answered.body());
        JsonNode message = V1Client.json(answered.body()).at("/choices/0/message");
        assertTrue(message.path("grounded").asBoolean(), message.toString());

        String base = "http://127.0.0.1:" + server.port() + "/v1";
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("cited")
                .addUserMessage("Who is Jens Stoltenberg?").build();
        OpenAIClient good = OpenAIOkHttpClient.builder().baseUrl(base).apiKey(key).maxRetries(0).build();
        OpenAIClient wrong = OpenAIOkHttpClient.builder().baseUrl(base).apiKey("wrong").maxRetries(0).build();
        try {
            assertTrue(good.chat().completions().create(params).choices().get(0).message().content().isPresent());
            UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> wrong.chat().completions().create(params));
            assertEquals("invalid_key", e.code().orElseThrow());
        } finally {
            good.close();
            wrong.close();
        }
    }
}
