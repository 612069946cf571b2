package dev.cited.storage;

/** The database failed a read or write: a server fault (5xx), with the cause in the log, never in a response. */
public final class StorageException extends RuntimeException {
    StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
