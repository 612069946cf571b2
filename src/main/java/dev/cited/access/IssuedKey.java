package dev.cited.access;

/**
 * A key just created. {@code secret} is shown to its owner once and kept only as a hash.
 */
public record IssuedKey(String id, String userName, Role role, String secret) {
}
