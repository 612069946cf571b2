package dev.cited.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

import java.time.Duration;
import java.util.function.Function;

/**
 * What one client may cost the server, and where each limit is applied: rate limits per client (a 429 with
 * Retry-After), a cap on connections per remote address, a minimum rate for request bodies (small bodies are read
 * without holding a thread; slower ones get a 408, slower uploads are cut off) and an idle timeout for connections.
 *
 * @param askPerMinute       questions (POST /api/ask, /api/ask/stream) per client a minute; 0: no limit
 * @param otherPerMinute     other /api/ requests per client a minute; 0: no limit
 * @param connectionsPerAddress connections one remote address may hold open at once; 0: no limit
 * @param minBytesPerSecond  slowest a request body may arrive once {@link #BODY_GRACE} has passed; 0: no minimum
 * @param idleTimeout        a connection with nothing sent or received for this long is closed
 * @param clientKey          who a client is, for the rate limits (the remote address unless replaced)
 */
public record HttpLimits(int askPerMinute, int otherPerMinute, int connectionsPerAddress, long minBytesPerSecond,
                         Duration idleTimeout, Function<Context, String> clientKey) {
    /** How long a body may take before the minimum rate applies: a slow start is not an attack. */
    public static final Duration BODY_GRACE = Duration.ofSeconds(5);
    /** Connections waiting to be accepted (the kernel caps it at net.core.somaxconn). */
    private static final int ACCEPT_QUEUE = 1024;

    public static HttpLimits of(int askPerMinute, int otherPerMinute, int connectionsPerAddress, long minBytesPerSecond,
                                Duration idleTimeout) {
        return new HttpLimits(askPerMinute, otherPerMinute, connectionsPerAddress, minBytesPerSecond, idleTimeout,
                RateLimits.BY_ADDRESS);
    }

    /** The same limits, with clients told apart by {@code key} (for example an API key, with sign-in). */
    public HttpLimits withClientKey(Function<Context, String> key) {
        return new HttpLimits(askPerMinute, otherPerMinute, connectionsPerAddress, minBytesPerSecond, idleTimeout, key);
    }

    /**
     * Installs the limits. Call it before the routes are added, so that a client over its budget is refused
     * before any other before-handler does work for it.
     */
    public void configure(JavalinConfig config) {
        // The minimum body rate is BufferedBodies' (with a grace period), not Jetty's servlet-side check, which
        // uploads bypass and which has none.
        config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(idleTimeout.toMillis()));
        config.jetty.modifyServer(server -> {
            // Javalin adds its connector after this runs, before it starts the server
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector connector : server.getConnectors()) {
                        limit(connector);
                    }
                }
            });
            wrapHandler(server, new BufferedBodies(JsonBodies.MAX_BODY_BYTES, minBytesPerSecond, BODY_GRACE));
        });
        config.routes.before(new RateLimits(askPerMinute, otherPerMinute, clientKey));
    }

    private void limit(Connector connector) {
        if (connector instanceof ServerConnector c) {
            // A burst of new connections (those closed past the cap reconnecting, say) overflows Jetty's default
            // backlog of 50; the kernel then drops SYNs, and every client waits a full second to retry.
            c.setAcceptQueueSize(ACCEPT_QUEUE);
        }
        if (connector instanceof AbstractConnector c) {
            c.setIdleTimeout(idleTimeout.toMillis());
            if (connectionsPerAddress > 0) {
                c.addEventListener(new ConnectionsPerAddress(connectionsPerAddress));
            }
        }
    }

    /** Wraps whatever handler the server already has (Javalin puts its own innermost), keeping any other wrapper. */
    private static void wrapHandler(Server server, Handler.Wrapper wrapper) {
        Handler existing = server.getHandler();
        if (existing != null) {
            wrapper.setHandler(existing);
        }
        server.setHandler(wrapper);
    }
}
