package dev.cited.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own error pages (requests it rejects before Javalin sees them, such as {@code /../pom.xml} or a
 * malformed request line) in the API's JSON shape instead of Jetty's HTML, with the same security headers.
 * The message is a fixed text per status: nothing from the request or the server's internals is echoed.
 */
final class JettyErrors extends ErrorHandler {
    private final ObjectMapper mapper;

    JettyErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put("Content-Security-Policy", HttpApi.CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(json(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        fields.put("Content-Security-Policy", HttpApi.CONTENT_SECURITY_POLICY);
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(json(status));
    }

    private byte[] json(int status) {
        String message = switch (status) {
            case 400 -> "The request could not be understood (malformed or ambiguous URI, request or body)";
            case 408 -> "The request took too long to arrive (its body came too slowly, or stopped)";
            case 413 -> "The request body is too large";
            case 503 -> "The server is not taking this request now (it may be stopping); try again shortly";
            default -> {
                String text = HttpStatus.getMessage(status);
                yield text == null ? "Error " + status : text;
            }
        };
        try {
            return mapper.writeValueAsBytes(ApiErrors.body(ApiErrors.codeFor(status), message));
        } catch (JsonProcessingException e) {
            return ("{\"error\":{\"code\":\"error\",\"message\":\"Error " + status + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
