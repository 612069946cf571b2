package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.access.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/**
 * The MCP endpoint (Streamable HTTP) at {@link #PATH}, inside Javalin's handler chain: sign-in, rate limits,
 * request ids and the access log apply to it as to the API, and the servlet reads who the request acts for from
 * what the authenticator found ({@link #owner}). POST carries JSON-RPC messages, DELETE ends a session; GET (a
 * stream the server could send requests on unasked) is not offered, which the protocol allows: 405.
 *
 * <p>The SDK's servlet answers a request it cannot take (no session, wrong Accept or Content-Type, a body that is
 * not JSON-RPC) with its exception serialised, stack trace and all; those answers are caught here and given as the
 * API's JSON error, with the same status, in plain words.
 */
public final class McpRoutes {
    public static final String PATH = "/mcp";

    private final HttpServlet servlet;

    public McpRoutes(HttpServlet servlet) {
        this.servlet = servlet;
    }

    public void register(RoutesConfig routes) {
        routes.addHttpHandler(HandlerType.POST, PATH, this::serve);
        routes.addHttpHandler(HandlerType.DELETE, PATH, this::serve);
    }

    private void serve(Context ctx) throws Exception {
        RefusalCapture response = new RefusalCapture(ctx.res());
        servlet.service(new ReadBody(ctx.req(), ctx.bodyAsBytes()), response);
        if (response.refused()) {
            throw refusal(response.status(), response.said());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASKS = "cited.mcp.asks";

    /**
     * Whether the request calls the {@code ask} tool, which answers a question and so spends the asking budget
     * (read from the body once; the servlet is given the same bytes). A body that is not JSON-RPC asks nothing.
     */
    static boolean asksAQuestion(Context ctx) {
        Boolean known = ctx.attribute(ASKS);
        if (known == null) {
            known = false;
            try {
                JsonNode message = JSON.readTree(ctx.bodyAsBytes());
                known = message != null && "tools/call".equals(message.path("method").asText())
                        && "ask".equals(message.path("params").path("name").asText());
            } catch (java.io.IOException | RuntimeException e) {
                // not JSON: the transport says so in its own answer
            }
            ctx.attribute(ASKS, known);
        }
        return known;
    }

    /** The user the request acts for, as the authenticator found it; null when nobody signs in. */
    public static String owner(HttpServletRequest request) {
        Object principal = request.getAttribute(Access.PRINCIPAL);
        return principal instanceof Principal p ? p.userId() : null;
    }

    /** What the transport refused, in the API's words; what it said itself is only used to tell the cases apart. */
    static io.javalin.http.HttpResponseException refusal(int status, String said) {
        String what = said == null ? "" : said.toLowerCase(Locale.ROOT);
        if (what.contains("accept header")) {
            return ApiErrors.error(status, "not_acceptable", "Send 'Accept: application/json, text/event-stream':"
                    + " MCP answers come as JSON or as a stream of server-sent events");
        }
        if (what.contains("content-type")) {
            return ApiErrors.error(status, "unsupported_media_type",
                    "Send the JSON-RPC message as 'Content-Type: application/json'");
        }
        if (what.contains("session id required")) {
            return ApiErrors.error(status, "missing_session", "Send the 'Mcp-Session-Id' header the initialize"
                    + " response gave, or start with an initialize request");
        }
        if (status == 404) {
            return ApiErrors.error(404, "unknown_session", "That MCP session has ended or never existed: send an"
                    + " initialize request to start a new one");
        }
        if (what.contains("invalid message format") || what.contains("deserialize")) {
            return ApiErrors.error(status, "invalid_message", "The body is not a JSON-RPC 2.0 message (an object"
                    + " with \"jsonrpc\": \"2.0\" and a method, or a result or error)");
        }
        if (status == 413) {
            return ApiErrors.error(413, "payload_too_large", "The request body is too large");
        }
        if (status == 503) {
            return ApiErrors.error(503, "stopping", "The server is stopping: try again shortly");
        }
        if (status >= 500) {
            return ApiErrors.error(status, "internal_error", "The MCP request could not be handled. It has been logged.");
        }
        return ApiErrors.error(status, ApiErrors.codeFor(status), "The MCP request could not be handled");
    }

    /** The request with its body as Javalin already read it (a rate limit may have looked at it first). */
    private static final class ReadBody extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read at once");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            java.nio.charset.Charset charset = encoding == null ? java.nio.charset.StandardCharsets.UTF_8
                    : java.nio.charset.Charset.forName(encoding);
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /**
     * The servlet's response, but for error statuses (400 and up): those are kept back, body and all, for
     * {@link #refusal} to answer instead. Successful answers (JSON, or an event stream) pass straight through.
     */
    private static final class RefusalCapture extends HttpServletResponseWrapper {
        private int status = 200;
        private String message;
        private StringWriter text;
        private ByteArrayOutputStream bytes;

        RefusalCapture(HttpServletResponse response) {
            super(response);
        }

        boolean refused() {
            return status >= 400;
        }

        int status() {
            return status;
        }

        /** What the servlet wrote or gave as the error's message. */
        String said() {
            StringBuilder said = new StringBuilder(message == null ? "" : message);
            if (text != null) {
                said.append(' ').append(text);
            }
            if (bytes != null) {
                said.append(' ').append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
            }
            return said.toString();
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            if (sc < 400) {
                super.setStatus(sc);
            }
        }

        @Override
        public void sendError(int sc, String msg) {
            status = sc;
            message = msg;
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public PrintWriter getWriter() throws java.io.IOException {
            if (!refused()) {
                return super.getWriter();
            }
            if (text == null) {
                text = new StringWriter();
            }
            return new PrintWriter(text);
        }

        @Override
        public ServletOutputStream getOutputStream() throws java.io.IOException {
            if (!refused()) {
                return super.getOutputStream();
            }
            if (bytes == null) {
                bytes = new ByteArrayOutputStream();
            }
            ByteArrayOutputStream sink = bytes;
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("a refusal is written at once");
                }

                @Override
                public void write(int b) {
                    sink.write(b);
                }
            };
        }
    }
}
