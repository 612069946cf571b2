package dev.cited.document;

/** A file that is not served, with why, in words a user can read ("encrypted PDF", "not valid UTF-8"). */
public final class UnreadableFile extends Exception {
    private final FileReport.Status status;
    /** The media type detected on the way to this verdict, when one was. */
    private final String mediaType;

    private UnreadableFile(FileReport.Status status, String reason, Throwable cause, String mediaType) {
        super(reason, cause, false, false);
        this.status = status;
        this.mediaType = mediaType;
    }

    private UnreadableFile(FileReport.Status status, String reason, Throwable cause) {
        this(status, reason, cause, null);
    }

    /** Not a document Cited can serve: empty, encrypted, no text, too large, of an unsupported type. */
    public static UnreadableFile skipped(String reason) {
        return new UnreadableFile(FileReport.Status.SKIPPED, reason, null);
    }

    /** A file of a media type no format reads ("unsupported type audio/mpeg"). */
    public static UnreadableFile unsupported(String mediaType) {
        return new UnreadableFile(FileReport.Status.SKIPPED, "unsupported type " + mediaType, null, mediaType);
    }

    /** A file whose text is longer than {@code maxChars}: a bomb, or a whole archive. */
    public static UnreadableFile tooLong(int maxChars) {
        return skipped("over the size limit (more than " + maxChars + " characters of text)");
    }

    /** A document that should have been readable but was not: damaged, or its parser failed. */
    public static UnreadableFile failed(String reason, Throwable cause) {
        return new UnreadableFile(FileReport.Status.FAILED, reason, cause);
    }

    public FileReport.Status status() {
        return status;
    }

    /** The media type detected for the verdict, or null when none was needed. */
    String mediaType() {
        return mediaType;
    }
}
