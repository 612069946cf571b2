package dev.cited.document;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the document tests write, in the real formats: a Word memo, an MP3 header, the shared sample paper. */
public final class SampleFiles {
    /** A real conference paper (14 pages) in ../shared; tests using it say so and skip without it. */
    public static final Path PAPER = Path.of("../shared/samples/pdf/tracemonkey.pdf");

    private SampleFiles() {
    }

    /** A .docx as Word writes it: the title in its metadata (none when null), one paragraph per string. */
    public static Path wordMemo(Path file, String title, String... paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            if (title != null) {
                doc.getProperties().getCoreProperties().setTitle(title);
            }
            for (String paragraph : paragraphs) {
                doc.createParagraph().createRun().setText(paragraph);
            }
            doc.write(out);
        }
        return file;
    }

    /** The first bytes of an MP3 (an ID3 tag): a type Cited does not serve. */
    public static Path audio(Path file) throws IOException {
        return Files.write(file, new byte[]{'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0});
    }
}
