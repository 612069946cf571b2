package dev.cited.document;

/**
 * What became of one file found in the documents folder.
 *
 * @param path       below the documents folder, with "/" between folders
 * @param status     indexed, skipped (not a document Cited serves) or failed (could not be read)
 * @param reason     for skipped and failed files, why, in plain words; null when indexed
 * @param documentId the id it is served under when indexed; null otherwise
 * @param type       media type as detected ("application/pdf"), or null when unknown
 * @param size       bytes
 * @param pages      pages of a paginated document; null otherwise
 */
public record FileReport(String path, Status status, String reason, String documentId, String type, long size,
                         Integer pages) {

    public enum Status {
        INDEXED, SKIPPED, FAILED;

        /** "indexed", "skipped", "failed": how the API writes it. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static FileReport indexed(String path, Document document, long size) {
        return new FileReport(path, Status.INDEXED, null, document.id(), document.type(), size,
                document.pages() > 0 ? document.pages() : null);
    }

    static FileReport unread(String path, UnreadableFile why, String type, long size) {
        return new FileReport(path, why.status(), why.getMessage(), null, type, size, null);
    }
}
