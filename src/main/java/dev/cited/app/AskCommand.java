package dev.cited.app;

import dev.cited.answer.ModelException;
import dev.cited.citation.Citation;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.ConversationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cited ask "question"}: one answer and its sources, printed. */
@Command(name = "ask", sortOptions = false, description = "Answers one question and prints its sources.")
final class AskCommand implements Callable<Integer> {
    @ParentCommand
    CitedCommand cited;

    @Parameters(paramLabel = "QUESTION", arity = "1..*",
            description = "the question (several words are joined with spaces)")
    List<String> words;

    @Mixin
    SeedsFlag seeds;

    @Mixin
    ConfigFlags flags;

    @Override
    public Integer call() {
        PrintStream out = cited.out;
        String question = String.join(" ", words);
        if (question.isBlank() || question.length() > ConversationService.MAX_QUESTION_LENGTH) {
            cited.err.println("cited: the question must be 1 to " + ConversationService.MAX_QUESTION_LENGTH
                    + " characters");
            return CitedCommand.USAGE;
        }
        try (CitedEngine engine = CitedEngine.create(seeds.over(cited.config(flags)).build(), cited.env)) {
            AskResult result = engine.conversations().ask(AskRequest.of(question));
            out.println(result.answer());
            if (!result.unsupported().isEmpty()) {
                out.println();
                out.println("Not shown, not supported by the sources:");
                result.unsupported().forEach(u -> out.printf("- %s (%s)%n", u.text(), u.reason()));
            }
            if (!result.citations().isEmpty()) {
                out.println();
                out.println("Sources:");
                for (Citation c : result.citations()) {
                    out.printf("[%d] %s (%s, characters %d-%d)%n    \"%s\"%n", c.marker(), c.title(), c.documentId(),
                            c.start(), c.end(), c.quote());
                }
            }
            return 0;
        } catch (ModelException e) {
            cited.err.println("cited: " + e.getMessage());
            return 1;
        }
    }
}
