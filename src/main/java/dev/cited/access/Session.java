package dev.cited.access;

import java.time.Instant;

/**
 * A browser signed in with a key. The token travels only in an HttpOnly cookie; the CSRF token must come back in
 * a header with every request that changes something, which another site's page cannot do.
 *
 * @param token the cookie value, known only when the session is opened (kept as a hash); null when looked up
 */
public record Session(String token, Principal principal, String csrfToken, Instant expiresAt) {
}
