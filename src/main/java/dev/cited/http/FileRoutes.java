package dev.cited.http;

import dev.cited.document.FileReport;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /api/files: every file found in the documents folder, indexed, skipped or failed, with the reason. */
final class FileRoutes {
    private final CollectionListing listing;

    FileRoutes(CollectionListing listing) {
        this.listing = listing;
    }

    void files(Context ctx) {
        CollectionListing.Listing now = listing.current();
        ctx.json(Map.of("counts", now.counts(), "files", now.files()));
    }
}
