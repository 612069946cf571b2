package dev.cited.access;

import java.util.List;
import java.util.Optional;

/** The API keys that let people and programs in, each belonging to a user by name. */
public interface ApiKeys {

    /** Creates a key for {@code userName} (the user is created on first use; keys of one name share conversations). */
    IssuedKey create(String userName, Role role);

    /** The principal of a key in use; empty for an unknown or revoked key. */
    Optional<Principal> authenticate(String secret);

    /** Every key, oldest first. */
    List<KeyInfo> list();

    /** Revokes a key and ends its sessions; false when there is no such key in use. */
    boolean revoke(String keyId);
}
