package dev.cited.access;

import java.time.Instant;

/** A key as listed: never its secret. {@code revokedAt} is null for a key in use. */
public record KeyInfo(String id, String userName, Role role, Instant createdAt, Instant revokedAt) {
}
