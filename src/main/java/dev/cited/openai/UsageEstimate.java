package dev.cited.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's {@code usage}, estimated: Cited does not see a tokenizer (the extractive answerer has none), so a token
 * is taken as three quarters of a word (English averages about 0.75 words a token), rounded up.
 */
record UsageEstimate(@JsonProperty("prompt_tokens") int promptTokens,
                     @JsonProperty("completion_tokens") int completionTokens,
                     @JsonProperty("total_tokens") int totalTokens) {
    private static final Pattern WORD = Pattern.compile("\\S+");

    static UsageEstimate of(String prompt, String completion) {
        int in = tokens(prompt);
        int out = tokens(completion);
        return new UsageEstimate(in, out, in + out);
    }

    static int tokens(String text) {
        Matcher m = WORD.matcher(text);
        int words = 0;
        while (m.find()) {
            words++;
        }
        return (words * 4 + 2) / 3;
    }
}
