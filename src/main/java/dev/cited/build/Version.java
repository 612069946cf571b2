package dev.cited.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Which build this is: the project version and the git commit, written into cited-version.properties by Maven. */
public final class Version {
    private static final String UNKNOWN = "unknown";
    private static final Properties BUILD = load();

    private Version() {
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" when run from unfiltered sources. */
    public static String version() {
        return value("version");
    }

    /** The abbreviated git commit the build was made from; "unknown" when built outside a git checkout. */
    public static String commit() {
        return value("commit");
    }

    /** {@code 0.1.0-SNAPSHOT (commit 1a2b3c4)}, as {@code --version} prints it. */
    public static String describe() {
        return version() + " (commit " + commit() + ")";
    }

    private static String value(String key) {
        String v = BUILD.getProperty(key, "").trim();
        // An unresolved ${...} means Maven did not filter the file (an IDE build) or had no value for it.
        return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/cited-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

}
