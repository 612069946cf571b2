package dev.cited.http;

import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps the connections one remote address holds open at once (Jetty has only a server-wide cap): a connection
 * past the cap is closed as soon as it opens. Only open connections are remembered, so memory is bounded by what
 * Jetty holds anyway.
 */
final class ConnectionsPerAddress implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final int max;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    /** Each open connection's address: a closed endpoint no longer knows it. */
    private final ConcurrentHashMap<Connection, String> addressOf = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    ConnectionsPerAddress(int max) {
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        String address = address(connection.getEndPoint().getRemoteSocketAddress());
        addressOf.put(connection, address);
        int count = open.merge(address, 1, Integer::sum);
        if (count > max) {
            // Logged once per thousand, so that a flood does not become a flood of log lines as well.
            if (refused.getAndIncrement() % 1000 == 0) {
                LOG.warn("Closing a connection from {}: it already has {} open (the limit)", address, max);
            }
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        String address = addressOf.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
        }
    }

    private static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }
}
