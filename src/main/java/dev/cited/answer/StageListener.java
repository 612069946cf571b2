package dev.cited.answer;

import java.util.function.Supplier;

/**
 * Told where each answer spends its time and when the model fails. The core reports through it without
 * knowing about metrics; the server binds it to Micrometer. Called on the answering thread: keep it quick.
 */
public interface StageListener {
    StageListener NONE = new StageListener() {
        @Override
        public void finished(Stage stage, long nanos) {
        }
    };

    /** {@code stage} of one answer took {@code nanos}. */
    void finished(Stage stage, long nanos);

    /** The configured model failed ({@code timeout} false) or did not answer in time. */
    default void modelFailed(boolean timeout) {
    }

    /** Runs {@code work} and reports its time as {@code stage}, also when it throws. */
    default <T> T time(Stage stage, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            finished(stage, System.nanoTime() - started);
        }
    }
}
