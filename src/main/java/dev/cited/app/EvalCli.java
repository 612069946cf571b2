package dev.cited.app;

import dev.cited.eval.EvalCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code cited eval FILE...}: the command line of {@link EvalCommand}, which scores the sets. */
@Command(name = "eval", sortOptions = false, description = {
        "Scores retrieval and answers on question sets and claim sets.",
        "A question set (format in ../shared/README.md): scores retrieval (recall@5, MRR), answers (hit rate,"
                + " citation precision, structural validity), abstention, follow-ups, pages cited and latency.",
        "A claim set (eval/claims.jsonl): a stand-in model writes each case's answer, true claims and planted"
                + " errors, and scores what reaches the user: claim precision, planted errors caught, true claims"
                + " kept, wrong passages fixed.",
        "Exits 1 when a score is below its floor in the README (eval/adversarial.jsonl and eval/pdf.jsonl have"
                + " their own; other question sets the project set's). eval/pdf.jsonl asks about the PDFs in"
                + " ../shared/samples/pdf: run it with --seeds on a folder holding them; it also scores the page"
                + " cited."})
final class EvalCli implements Callable<Integer> {
    @ParentCommand
    CitedCommand cited;

    @Parameters(paramLabel = "FILE.jsonl", arity = "1..*", description = "question sets and claim sets")
    List<String> files;

    @Mixin
    SeedsFlag seeds;

    @Mixin
    ConfigFlags flags;

    @Override
    public Integer call() {
        CitedConfig config = seeds.over(cited.config(flags)).build();
        return EvalCommand.run(files, (model, env) -> CitedEngine.create(
                model == null ? config : config.toBuilder().model(model).build(), env),
                cited.env, false, cited.out, cited.err);
    }
}
