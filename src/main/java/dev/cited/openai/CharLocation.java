package dev.cited.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cited.citation.Citation;

/**
 * One citation as the extra {@code citations} field carries it, shaped like Anthropic's {@code char_location}
 * citations: {@code cited_text} is exactly the document text in {@code [start_char_index, end_char_index)}
 * (UTF-16 indices into the text {@code GET /api/documents/{id}} serves), {@code marker} the answer's {@code [n]}.
 */
@JsonPropertyOrder({"type", "marker", "document_id", "document_title", "cited_text", "start_char_index",
        "end_char_index", "page"})
record CharLocation(int marker,
                    @JsonProperty("document_id") String documentId,
                    @JsonProperty("document_title") String documentTitle,
                    @JsonProperty("cited_text") String citedText,
                    @JsonProperty("start_char_index") int startCharIndex,
                    @JsonProperty("end_char_index") int endCharIndex,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer page) {

    @JsonProperty("type")
    String type() {
        return "char_location";
    }

    static CharLocation of(Citation c) {
        return new CharLocation(c.marker(), c.documentId(), c.title(), c.quote(), c.start(), c.end(), c.page());
    }
}
