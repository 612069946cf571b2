package dev.cited.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.app.CitedConfig;
import dev.cited.app.CitedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad request to /v1/ on the real server: a clear 4xx in OpenAI's error shape, never a 500. */
class OpenAiBadInputTest {
    private static final String ASK = "{\"role\":\"user\",\"content\":\"Who is Jens Stoltenberg?\"}";
    private static CitedServer server;
    private static V1Client http;

    @BeforeAll
    static void start() {
        server = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25").build());
        http = new V1Client(server.port(), null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String withMessages(String messages) {
        return "{\"model\":\"cited\",\"messages\":[" + messages + "]}";
    }

    private static String withField(String field) {
        return "{\"model\":\"cited\",\"messages\":[" + ASK + "]," + field + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no model                | {"messages":[{"role":"user","content":"Hi?"}]}                 | model                  | missing_model
            model not a string      | {"model":7,"messages":[{"role":"user","content":"Hi?"}]}       | model                  | invalid_model
            no messages             | {"model":"cited"}                                             | messages               | missing_messages
            messages not an array   | {"model":"cited","messages":"Hi?"}                            | messages               | invalid_messages
            empty messages          | {"model":"cited","messages":[]}                               | messages               | empty_messages
            message not an object   | {"model":"cited","messages":["Hi?"]}                          | messages[0]            | invalid_message
            no role                 | {"model":"cited","messages":[{"content":"Hi?"}]}              | messages[0].role       | missing_role
            role not a string       | {"model":"cited","messages":[{"role":1,"content":"Hi?"}]}     | messages[0].role       | invalid_role
            unknown role            | {"model":"cited","messages":[{"role":"robot","content":"Hi?"}]} | messages[0].role     | invalid_role
            tool message            | {"model":"cited","messages":[{"role":"tool","content":"42","tool_call_id":"x"}]} | messages[0].role | tools_not_supported
            no content              | {"model":"cited","messages":[{"role":"user"}]}                | messages[0].content    | missing_content
            content a number        | {"model":"cited","messages":[{"role":"user","content":5}]}    | messages[0].content    | invalid_content
            image part              | {"model":"cited","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"http://x/y.png"}}]}]} | messages[0].content[0].type | unsupported_content
            part without text       | {"model":"cited","messages":[{"role":"user","content":[{"type":"text"}]}]} | messages[0].content[0].text | invalid_content
            part not an object      | {"model":"cited","messages":[{"role":"user","content":["Hi?"]}]} | messages[0].content[0] | invalid_content
            last is assistant       | {"model":"cited","messages":[{"role":"user","content":"Hi?"},{"role":"assistant","content":"Hello."}]} | messages | last_message_not_user
            only a system message   | {"model":"cited","messages":[{"role":"system","content":"Be brief."}]} | messages       | last_message_not_user
            blank question          | {"model":"cited","messages":[{"role":"user","content":"   "}]} | messages[0].content   | blank_question
            n is 2                  | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"n":2} | n                | unsupported_n
            n not a number          | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"n":"1"} | n              | invalid_n
            stream not a boolean    | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"stream":"yes"} | stream  | invalid_stream
            stream_options alone    | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"stream_options":{"include_usage":true}} | stream_options | invalid_stream_options
            include_usage a string  | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"stream":true,"stream_options":{"include_usage":"y"}} | stream_options.include_usage | invalid_include_usage
            tools                   | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"tools":[{"type":"function","function":{"name":"f"}}]} | tools | tools_not_supported
            tool_choice             | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"tool_choice":"auto"} | tool_choice | tools_not_supported
            functions               | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"functions":[{"name":"f"}]} | functions | tools_not_supported
            json response_format    | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"response_format":{"type":"json_object"}} | response_format.type | unsupported_response_format
            response_format a string | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"response_format":"text"} | response_format | invalid_response_format
            temperature a string    | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"temperature":"hot"} | temperature | invalid_temperature
            max_tokens a fraction   | {"model":"cited","messages":[{"role":"user","content":"Hi?"}],"max_tokens":1.5} | max_tokens    | invalid_max_tokens
            """)
    void badRequestsAre400NamingTheField(String what, String body, String param, String code) {
        JsonNode error = V1Client.assertOpenAiError(http.chat(body), 400, "invalid_request_error", code);
        assertEquals(param, error.path("param").asText(), what);
    }

    @Test
    void malformedBodiesAre400WithNoParam() {
        for (String body : new String[]{"", "{bad", "[1]", "{\"model\":\"cited\"} trailing", "{\"model\":\"a\",\"model\":\"b\"}"}) {
            JsonNode error = V1Client.assertOpenAiError(http.chat(body), 400, "invalid_request_error", null);
            assertTrue(error.path("param").isNull(), body + " -> " + error);
        }
    }

    @Test
    void tooManyOrTooLongMessagesAre400() {
        String many = String.join(",", java.util.Collections.nCopies(MessageHistory.MAX_MESSAGES + 1, ASK));
        V1Client.assertOpenAiError(http.chat(withMessages(many)), 400, "invalid_request_error", "too_many_messages");
        String long1 = "{\"role\":\"user\",\"content\":\"" + "word ".repeat(3_000) + "\"}";
        String longHistory = String.join(",", long1, "{\"role\":\"assistant\",\"content\":\"ok\"}", long1,
                "{\"role\":\"assistant\",\"content\":\"ok\"}", long1);
        V1Client.assertOpenAiError(http.chat(withMessages(longHistory)), 400, "invalid_request_error", "messages_too_long");
        String longQuestion = "{\"role\":\"user\",\"content\":\"" + "a".repeat(2001) + "\"}";
        JsonNode error = V1Client.assertOpenAiError(http.chat(withMessages(longQuestion)), 400, "invalid_request_error",
                "question_too_long");
        assertEquals("messages[0].content", error.path("param").asText());
        // a body over the server's 64 KiB is a 413, in the same shape
        String huge = "{\"role\":\"user\",\"content\":\"" + "a".repeat(70_000) + "\"}";
        V1Client.assertOpenAiError(http.chat(withMessages(huge)), 413, "invalid_request_error", null);
    }

    @Test
    void toleratedShapesAreAnswered() {
        for (String body : new String[]{
                withField("\"tools\":[],\"tool_choice\":\"none\",\"temperature\":0.2,\"max_tokens\":100,\"user\":\"u1\""),
                withField("\"response_format\":{\"type\":\"text\"},\"n\":1,\"stream\":false"),
                // text parts are joined; two user messages in a row and two assistants in a row are tolerated
                withMessages("{\"role\":\"assistant\",\"content\":\"Hello! Ask me anything.\"},"
                        + "{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Who is\"},"
                        + "{\"type\":\"text\",\"text\":\"Jens Stoltenberg?\"}]},{\"role\":\"assistant\",\"content\":\"He led NATO.\"},"
                        + "{\"role\":\"assistant\",\"content\":\"More later.\"},{\"role\":\"developer\",\"content\":\"Be terse.\"},"
                        + "{\"role\":\"user\",\"content\":\"What did he say about North Korea?\"}")}) {
            HttpResponse<String> response = http.chat(body);
            assertEquals(200, response.statusCode(), body + " -> " + response.body());
            assertEquals("chat.completion", V1Client.json(response.body()).path("object").asText());
        }
    }

    @Test
    void notJsonIs415AndUnknownModelOrPathIs404() {
        V1Client.assertOpenAiError(http.send("POST", "/v1/chat/completions", "text/plain",
                withMessages(ASK)), 415, "invalid_request_error", "unsupported_media_type");
        JsonNode unknown = V1Client.assertOpenAiError(http.chat("{\"model\":\"gpt-4o\",\"messages\":[" + ASK + "]}"),
                404, "invalid_request_error", "model_not_found");
        assertEquals("model", unknown.path("param").asText());
        V1Client.assertOpenAiError(http.send("GET", "/v1/models/gpt-4o", null, null), 404, "invalid_request_error",
                "model_not_found");
        V1Client.assertOpenAiError(http.send("POST", "/v1/completions", "application/json", "{}"), 404,
                "invalid_request_error", "not_found");
        V1Client.assertOpenAiError(http.send("GET", "/v1/chat/completions", null, null), 405,
                "invalid_request_error", "method_not_allowed");
    }

    @Test
    void overTheAskingBudgetIs429WithRetryAfter() {
        try (CitedServer limited = CitedServer.start(CitedConfig.builder().port(0).retrieval("bm25")
                .rateAskPerMinute(1).build())) {
            V1Client client = new V1Client(limited.port(), null);
            assertEquals(200, client.chat(withMessages(ASK)).statusCode());
            HttpResponse<String> refused = client.chat(withMessages(ASK));
            V1Client.assertOpenAiError(refused, 429, "rate_limit_error", "rate_limited");
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        }
    }
}
