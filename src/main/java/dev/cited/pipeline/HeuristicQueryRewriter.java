package dev.cited.pipeline;

import dev.cited.answer.HistoryTurn;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline rewriter: a follow-up that leans on the conversation (a pronoun, "that", or very few words)
 * gets the names and key words of the previous question appended, so "What did he say about North Korea?"
 * after "Who is Jens Stoltenberg?" searches for both.
 */
public final class HeuristicQueryRewriter implements QueryRewriter {
    private static final Set<String> REFERRING = Set.of("he", "him", "his", "she", "her", "hers", "they", "them",
            "their", "theirs", "it", "its", "that", "this", "those", "these", "there", "then", "same", "such",
            "former", "latter", "one", "ones");
    private static final Set<String> FILLER = Set.of("what", "which", "who", "whom", "whose", "when", "where",
            "why", "how", "did", "does", "do", "is", "are", "was", "were", "the", "a", "an", "of", "to", "in",
            "on", "for", "and", "or", "about", "with", "by", "from", "at", "as", "be", "been", "has", "have",
            "had", "can", "could", "would", "should", "will", "say", "said", "tell", "me", "more", "also",
            "much", "many", "some", "any", "i", "you", "we", "us", "please", "according", "documents",
            "document", "s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}’'\\-]*");
    private static final int SHORT_FOLLOW_UP_WORDS = 4;

    @Override
    public String rewrite(String question, List<HistoryTurn> history) {
        if (history.isEmpty() || !leansOnContext(question)) {
            return question;
        }
        HistoryTurn previous = history.get(history.size() - 1);
        Set<String> context = new LinkedHashSet<>(keyWords(previous.searchQuery()));
        context.removeAll(keyWords(question));
        if (context.isEmpty()) {
            return question;
        }
        return question.strip() + " (" + String.join(" ", context) + ")";
    }

    private static boolean leansOnContext(String question) {
        List<String> words = words(question);
        if (words.size() <= SHORT_FOLLOW_UP_WORDS) {
            return true;
        }
        return words.stream().anyMatch(w -> REFERRING.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static Set<String> keyWords(String text) {
        Set<String> keep = new LinkedHashSet<>();
        for (String word : words(text)) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (!FILLER.contains(lower) && !REFERRING.contains(lower)) {
                keep.add(word);
            }
        }
        return keep;
    }

    private static List<String> words(String text) {
        Matcher m = WORD.matcher(text);
        List<String> words = new java.util.ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
