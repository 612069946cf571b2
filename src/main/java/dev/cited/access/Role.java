package dev.cited.access;

import java.util.Locale;

/** What a key may do: a user asks and rates; an admin also changes the collection and reads all feedback. */
public enum Role {
    USER, ADMIN;

    /** "user" or "admin" (any case). */
    public static Role parse(String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(value.strip())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("Unknown role '" + value + "': use user or admin");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
