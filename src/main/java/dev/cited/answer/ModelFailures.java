package dev.cited.answer;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Translates whatever a model client throws into a {@link ModelException}, telling timeouts apart. */
public final class ModelFailures {
    private ModelFailures() {
    }

    public static ModelException translate(Throwable error) {
        if (error instanceof ModelException m) {
            return m;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().equals("TimeoutException")) {
                return new ModelException("The model did not answer in time", true, error);
            }
        }
        String detail = error == null || error.getMessage() == null ? "no detail" : error.getMessage();
        if (detail.length() > 300) {
            detail = detail.substring(0, 300) + "…";
        }
        return new ModelException("The model failed: " + detail, false, error);
    }
}
