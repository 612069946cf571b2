package dev.cited.answer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A prompt read from prompts/ with {{placeholders}}; read once at start, so edits apply on restart. */
public final class PromptTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

    private final String name;
    private final String template;

    public PromptTemplate(String name, String template) {
        this.name = name;
        this.template = template;
    }

    public static PromptTemplate load(Path promptsDir, String name) {
        Path file = promptsDir.resolve(name + ".txt");
        try {
            return new PromptTemplate(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read prompt template " + file.toAbsolutePath()
                    + " (set --prompts or CITED_PROMPTS to the prompts folder)", e);
        }
    }

    /** Fills every placeholder; a placeholder without a value is an error, not a silent blank. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Prompt " + name + " needs a value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
