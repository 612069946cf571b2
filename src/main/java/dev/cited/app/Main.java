package dev.cited.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The entry point: {@code cited [COMMAND] [flags]}, serve when no command is given (see {@link CitedCommand}). */
public final class Main {
    /** The flags {@code cited} answers itself; any other first flag starts {@code serve} with it. */
    private static final Set<String> OWN_FLAGS = Set.of("-h", "--help", "-V", "--version");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /** Runs one command line against {@code env}; returns the exit code (0 done, 1 failed, 2 bad usage). */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        int code = CitedCommand.commandLine(env, out, err).execute(withCommand(args).toArray(String[]::new));
        out.flush();
        err.flush();
        return code;
    }

    /** {@code cited} and {@code cited --port 8080} mean {@code cited serve …}, as they did before subcommands. */
    static List<String> withCommand(List<String> args) {
        if (!args.isEmpty() && (!args.get(0).startsWith("-") || OWN_FLAGS.contains(args.get(0)))) {
            return args;
        }
        List<String> serve = new ArrayList<>(args.size() + 1);
        serve.add("serve");
        serve.addAll(args);
        return serve;
    }

    /** Blocks until the process is stopped (the shutdown hooks close what runs). */
    static int untilStopped() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
