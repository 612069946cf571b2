package dev.cited.access;

import java.util.Optional;

/** Signed-in browsers. */
public interface Sessions {

    Session open(Principal principal);

    /** The session of a cookie token, while it has not expired and its key is not revoked. */
    Optional<Session> find(String token);

    void close(String token);
}
