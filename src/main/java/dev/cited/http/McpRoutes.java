package dev.cited.http;

import dev.cited.access.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The MCP endpoint (Streamable HTTP) at {@link #PATH}, inside Javalin's handler chain: sign-in, rate limits,
 * request ids and the access log apply to it as to the API, and the servlet reads who the request acts for from
 * what the authenticator found ({@link #owner}). POST carries JSON-RPC messages, DELETE ends a session; GET (a
 * stream the server could send requests on unasked) is not offered, which the protocol allows: 405.
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
        servlet.service(ctx.req(), ctx.res());
    }

    /** The user the request acts for, as the authenticator found it; null when nobody signs in. */
    public static String owner(HttpServletRequest request) {
        Object principal = request.getAttribute(Access.PRINCIPAL);
        return principal instanceof Principal p ? p.userId() : null;
    }
}
