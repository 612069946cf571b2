package dev.cited.access;

/**
 * Who a request acts for.
 *
 * @param userId the owner of the conversations it starts; null for the local user when nobody signs in
 * @param keyId  the API key it was authenticated with (its sessions end when the key is revoked); null locally
 */
public record Principal(String userId, String name, Role role, String keyId) {
    /** The single local user when authentication is off: may do everything, owns conversations as nobody. */
    public static final Principal LOCAL = new Principal(null, "local", Role.ADMIN, null);

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
