package dev.cited.app;

import dev.cited.answer.Stage;
import dev.cited.answer.StageListener;

/**
 * Passes answer timings on to whatever listens now: the engine is built (behind the "starting" page) before
 * the server and its metrics exist, so the listener is plugged in afterwards.
 */
final class StageRelay implements StageListener {
    private volatile StageListener target = StageListener.NONE;

    void to(StageListener listener) {
        this.target = listener == null ? StageListener.NONE : listener;
    }

    @Override
    public void finished(Stage stage, long nanos) {
        target.finished(stage, nanos);
    }

    @Override
    public void modelFailed(boolean timeout) {
        target.modelFailed(timeout);
    }
}
