package dev.cited.app;

import dev.cited.build.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code cited --version}, on every command. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"cited " + Version.describe()};
    }
}
