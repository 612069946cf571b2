package dev.cited.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code cited}: the command and its subcommands, parsed by picocli. Holds what every subcommand needs from the
 * process (the environment and the output streams), so tests can run any command against their own.
 */
@Command(name = "cited", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, usageHelpWidth = 110, sortOptions = false, abbreviateSynopsis = true,
        description = "Cited: answers about your documents, every claim cited to an exact quote.",
        synopsisHeading = "Usage: ", descriptionHeading = "%n", parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nFlags (flags override environment variables, which override the defaults):%n",
        commandListHeading = "%nCommands (run as java -jar target/cited.jar COMMAND; serve when none is given):%n",
        subcommands = {ServeCommand.class, AskCommand.class, IndexCommand.class, EvalCli.class, Benchmark.class,
                IngestBenchmark.class, StandInCommand.class, HealthCommand.class, McpCommand.class, KeysCommand.class,
                TeamBenchmark.class, OpenAiBenchmark.class, CommandLine.HelpCommand.class})
final class CitedCommand implements Runnable {
    /** Exit code of a command line that cannot be run as given (unknown flag, stray argument, bad value). */
    static final int USAGE = 2;

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    CitedCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** The configuration from the environment, with {@code flags} put over it. */
    CitedConfig.Builder config(ConfigFlags flags) {
        return flags.over(CitedConfig.fromEnvironment(env));
    }

    @Override
    public void run() {
        // Only reached with no subcommand, which Main turns into serve; say what there is.
        spec.commandLine().usage(out);
    }

    /** A picocli command line over a new {@code cited} command, with Cited's error reporting. */
    static CommandLine commandLine(Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new CitedCommand(env, out, err));
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler(CitedCommand::badCommandLine);
        line.setExecutionExceptionHandler((e, l, parsed) -> failed(e, err));
        return line;
    }

    /** One plain line saying what is wrong, what was perhaps meant, and where the flags are listed. */
    private static int badCommandLine(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("cited: " + plainly(e));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + line.getCommandSpec().qualifiedName() + " --help' for what it takes.");
        err.flush();
        return USAGE;
    }

    /** Picocli's own words, but for a word where none is expected, which gets what was likely meant. */
    private static String plainly(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.isUnknownOption()
                || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        CommandSpec command = e.getCommandLine().getCommandSpec();
        String word = unmatched.getUnmatched().get(0);
        if (command.parent() == null) {
            return "unknown command '" + word + "'";
        }
        String why = command.positionalParameters().isEmpty() ? command.name() + " takes no arguments"
                : command.name() + " takes " + command.positionalParameters().stream()
                        .map(p -> p.paramLabel()).reduce((a, b) -> a + " " + b).orElse("");
        String seeds = command.findOption("--seeds") != null ? "; a documents folder is given with --seeds DIR" : "";
        return "unexpected argument '" + word + "': " + why + seeds;
    }

    /** A setting that cannot work (exit 2) or a failure while running (exit 1), in plain words. */
    private static int failed(Exception e, PrintStream err) {
        if (e instanceof IllegalArgumentException) {
            err.println("cited: " + e.getMessage());
            return USAGE;
        }
        err.println("cited: " + e);
        return 1;
    }
}
