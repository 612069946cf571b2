package dev.cited.answer;

/** The configured language model failed, refused, or did not answer in time. */
public class ModelException extends RuntimeException {
    private final boolean timeout;

    public ModelException(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** True when the model did not answer within the configured timeout (HTTP 504), else a failure (502). */
    public boolean isTimeout() {
        return timeout;
    }
}
