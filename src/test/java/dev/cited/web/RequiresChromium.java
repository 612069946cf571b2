package dev.cited.web;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips the browser tests, with the install command in the reason, where Debian's Chromium is not installed. */
final class RequiresChromium implements ExecutionCondition {
    private static boolean warned;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.available()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        synchronized (RequiresChromium.class) {
            if (!warned) {
                warned = true;
                System.err.println("[cited web tests] SKIPPED: " + Browser.MISSING);
            }
        }
        return ConditionEvaluationResult.disabled(Browser.MISSING);
    }
}
