package dev.cited.document;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every format, from files written here (POI for Office, plain writers for the rest) and the real PDFs in
 * ../shared/samples/pdf: the text served, its title and pages, and the reason a bad file is not served.
 */
class DocumentFormatsTest {
    private static final Path SAMPLES = Path.of("../shared/samples/pdf");

    @TempDir
    Path dir;

    private Library read() {
        return DocumentLoader.read(dir, LoadLimits.DEFAULT);
    }

    private Document only(Library library) {
        assertEquals(1, library.documents().size(), library.files().toString());
        return library.documents().get(0);
    }

    private FileReport report(Library library, String path) {
        return library.files().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void givenADocx_whenRead_thenItsParagraphsAreLinesOfTheirOwnAndItsTitleIsItsMetadata() throws Exception {
        SampleFiles.wordMemo(dir.resolve("memo.docx"), "Quarterly shipping memo",
                "Containers rose to 13,000 in the quarter.", "Shells were the main cargo.");
        Document d = only(read());
        assertEquals("memo", d.id());
        assertEquals("Quarterly shipping memo", d.title());
        assertTrue(d.text().contains("Containers rose to 13,000 in the quarter.\n\nShells were the main cargo."), d.text());
        assertEquals(0, d.pages());
        assertEquals(dir.resolve("memo.docx").toAbsolutePath(), d.file());
    }

    @Test
    void givenAPptxAndAnXlsx_whenRead_thenSlideTextAndTableCellsAreServed() throws Exception {
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(dir.resolve("deck.pptx"))) {
            XSLFTextBox box = show.createSlide().createTextBox();
            box.setText("Strategic dialogue in Seoul");
            show.createSlide().createTextBox().setText("Fifteen key areas agreed");
            show.write(out);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("sales.xlsx"))) {
            var row = book.createSheet("Sales").createRow(0);
            row.createCell(0).setCellValue("Poland");
            row.createCell(1).setCellValue("14 billion");
            book.write(out);
        }
        Library library = read();
        assertEquals(2, library.documents().size(), library.files().toString());
        String deck = library.documents().stream().filter(d -> d.id().equals("deck")).findFirst().orElseThrow().text();
        assertTrue(deck.contains("Strategic dialogue in Seoul") && deck.contains("Fifteen key areas agreed"), deck);
        String sales = library.documents().stream().filter(d -> d.id().equals("sales")).findFirst().orElseThrow().text();
        assertTrue(sales.contains("Poland | 14 billion"), sales);
    }

    @Test
    void givenHtml_whenRead_thenTheTitleComesFromItsHeadAndScriptsAreNotText() throws Exception {
        Files.writeString(dir.resolve("page.html"), "<html><head><title>Launch notes</title>"
                + "<script>var secret = 1;</script><style>p{color:red}</style></head><body><h1>Launch</h1>"
                + "<p>The first test was a success.</p><ul><li>Solid fuel</li><li>Mobile launcher</li></ul></body></html>");
        Document d = only(read());
        assertEquals("Launch notes", d.title());
        assertFalse(d.text().contains("secret") || d.text().contains("color"), d.text());
        assertTrue(d.text().contains("Launch\n\nThe first test was a success."), d.text());
        assertTrue(d.text().contains("Solid fuel") && d.text().contains("Mobile launcher"), d.text());
    }

    @Test
    void givenAnEpubAMailAndRtf_whenRead_thenTheirTextIsServed() throws Exception {
        writeEpub(dir.resolve("book.epub"));
        Files.writeString(dir.resolve("note.eml"), "From: ann@example.org\r\nTo: bob@example.org\r\n"
                + "Subject: Submarine bid\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "A South Korean company bids to build four submarines for Poland.\r\n");
        Files.writeString(dir.resolve("brief.rtf"), "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0\\pard "
                + "The pact includes a {\\b mutual defence} provision.\\par}");
        Library library = read();
        assertEquals(3, library.documents().size(), library.files().toString());
        String book = text(library, "book");
        assertTrue(book.contains("Chapter one tells of the shells."), book);
        assertTrue(text(library, "note").contains("four submarines for Poland"), text(library, "note"));
        assertEquals("Submarine bid", library.documents().stream().filter(d -> d.id().equals("note")).findFirst()
                .orElseThrow().title());
        assertTrue(text(library, "brief").contains("The pact includes a mutual defence provision."), text(library, "brief"));
    }

    @Test
    void givenMarkdown_whenRead_thenItIsParsedNotServedRaw() throws Exception {
        Files.writeString(dir.resolve("guide.md"), "---\ntitle: \"Field guide\"\nauthor: x\n---\n# Getting started\n\n"
                + "Read **this** first, then [the manual](http://example.org).\n\n- one item\n- two items\n\n"
                + "| Country | Deal |\n| --- | --- |\n| Poland | $14 billion |\n");
        Files.writeString(dir.resolve("notes.md"), "# Notes on shells\n\nNorth Korea sent shells.");
        Library library = read();
        Document guide = library.documents().stream().filter(d -> d.id().equals("guide")).findFirst().orElseThrow();
        assertEquals("Field guide", guide.title());
        assertEquals("text/markdown", guide.type());
        assertFalse(guide.text().contains("---") || guide.text().contains("author") || guide.text().contains("**")
                || guide.text().contains("http://example.org"), guide.text());
        assertTrue(guide.text().startsWith("Getting started\n\nRead this first, then the manual."), guide.text());
        assertTrue(guide.text().contains("- one item\n- two items"), guide.text());
        assertTrue(guide.text().contains("Poland | $14 billion"), guide.text());
        assertEquals("Notes on shells", library.documents().stream().filter(d -> d.id().equals("notes")).findFirst()
                .orElseThrow().title());
    }

    @Test
    void givenAPlainFileWithoutAHeadline_whenRead_thenItsTitleIsItsReadableNameNotACutSentence() throws Exception {
        Files.writeString(dir.resolve("annual_report-2023.txt"), "Revenue fell by eight per cent in the year, the "
                + "company said in its annual report, citing fuel costs and a weaker freight market.");
        assertEquals("Annual report 2023", only(read()).title());
    }

    @Test
    void givenFilesWhoseNamesSayNothing_whenRead_thenTheirContentDecides() throws Exception {
        Files.writeString(dir.resolve("README"), "Crane 7 is repaired every spring by the harbour crew.");
        Files.writeString(dir.resolve("shift.log"), "The night shift ended at 06:00 after the cable was replaced.");
        Files.copy(Path.of("src/test/resources/grounding/claim-pairs-known-misses.txt"), dir.resolve("misses.notes"));
        byte[] noise = new byte[4000];
        new Random(11).nextBytes(noise);
        Files.write(dir.resolve("blob"), noise);
        Library library = read();

        assertEquals(List.of("README", "misses"), library.documents().stream().map(Document::id).sorted().toList(),
                "plain text, whatever the name");
        assertEquals("unsupported type text/x-log", report(library, "shift.log").reason(), "a type of its own, by name");
        assertTrue(report(library, "blob").reason().startsWith("unsupported type application/"), report(library, "blob").reason());
    }

    @Test
    void givenBadFiles_whenRead_thenEachIsReportedWithAReasonAndNothingElseIsLost() throws Exception {
        byte[] noise = new byte[4000];
        new Random(7).nextBytes(noise);
        Files.write(dir.resolve("noise.pdf"), noise);
        Files.write(dir.resolve("broken.docx"), noise);
        SampleFiles.audio(dir.resolve("song.mp3"));
        Files.writeString(dir.resolve("blank.txt"), "   \n");
        Files.write(dir.resolve("latin1.txt"), new byte[]{'c', 'a', 'f', (byte) 0xE9});
        writeEncryptedDocx(dir.resolve("secret.docx"));
        Files.writeString(dir.resolve("good.txt"), "North Korea sent shells to Russia.");
        Library library = read();

        assertEquals(List.of("good"), library.documents().stream().map(Document::id).toList());
        assertEquals(7, library.files().size(), "every file accounted for: " + library.files());
        assertEquals(FileReport.Status.FAILED, report(library, "noise.pdf").status());
        assertTrue(report(library, "noise.pdf").reason().startsWith("could not be parsed"), report(library, "noise.pdf").reason());
        assertTrue(report(library, "broken.docx").reason().contains("could not be parsed"), report(library, "broken.docx").reason());
        assertEquals("unsupported type audio/mpeg", report(library, "song.mp3").reason());
        assertEquals("empty file", report(library, "blank.txt").reason());
        assertEquals("not valid UTF-8 text", report(library, "latin1.txt").reason());
        assertEquals("encrypted file (password-protected)", report(library, "secret.docx").reason());
        assertEquals(FileReport.Status.SKIPPED, report(library, "secret.docx").status());
        for (FileReport r : library.files()) {
            if (r.reason() != null) {
                assertFalse(r.reason().matches(".*\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w*Exception.*"), "no class names: " + r.reason());
            }
        }
    }

    @Test
    void givenAZipBombAndOversizedFiles_whenRead_thenTheyAreSkippedForTheirSize() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(dir.resolve("bomb.docx"))) {
            var run = doc.createParagraph().createRun();
            run.setText(" ".repeat(30_000_000)); // 30 MB of spaces compress to a few KB
            doc.write(out);
        }
        Files.writeString(dir.resolve("long.txt"), "Shells. ".repeat(1000));
        Library library = DocumentLoader.read(dir, new LoadLimits(1L << 20, 5_000, Duration.ofSeconds(60)));
        assertTrue(report(library, "bomb.docx").reason().contains("zip bomb")
                || report(library, "bomb.docx").reason().contains("size limit"), report(library, "bomb.docx").reason());
        assertEquals("over the size limit (more than 5000 characters of text)", report(library, "long.txt").reason());
        Library tiny = DocumentLoader.read(dir, new LoadLimits(100, 5_000, Duration.ofSeconds(60)));
        assertTrue(report(tiny, "long.txt").reason().startsWith("over the size limit (0.0 MB; the limit is"),
                report(tiny, "long.txt").reason());
    }

    @Test
    void givenGzipFiles_whenRead_thenTheFileInsideIsServedAndArchivesBombsAndDamageAreReported() throws Exception {
        gzip(dir.resolve("changelog.Debian.gz"), "cranes (2.1) stable; urgency=low\n\n  * Crane 7 is repaired every spring.\n"
                .getBytes(StandardCharsets.UTF_8));
        Path memo = Files.createTempFile("cited-memo", ".docx");
        SampleFiles.wordMemo(memo, "Harbour memo", "Containers rose to 13,000 in the quarter.");
        gzip(dir.resolve("memo.docx.gz"), Files.readAllBytes(memo));
        Files.delete(memo);
        gzip(dir.resolve("logs.tar.gz"), new byte[1024]);
        gzip(dir.resolve("zeros.txt.gz"), new byte[200_000]);
        byte[] noise = new byte[4000];
        new Random(5).nextBytes(noise);
        byte[] damaged = gzipped(noise);
        Files.write(dir.resolve("damaged.gz"), Arrays.copyOf(damaged, damaged.length / 2));
        Library library = DocumentLoader.read(dir, new LoadLimits(1L << 20, 5_000, Duration.ofSeconds(60)));

        Document changelog = library.documents().stream().filter(d -> d.id().equals("changelog.Debian")).findFirst()
                .orElseThrow(() -> new AssertionError(library.files().toString()));
        assertTrue(changelog.text().contains("Crane 7 is repaired every spring."), changelog.text());
        assertEquals("text/plain", changelog.type());
        Document docx = library.documents().stream().filter(d -> d.id().equals("memo.docx")).findFirst().orElseThrow();
        assertEquals("Harbour memo", docx.title(), "read by the inner file's own format");
        assertEquals(dir.resolve("memo.docx.gz").toAbsolutePath(), docx.file(), "the original is the file as found");
        assertEquals("a compressed archive of many files (.tar.gz): unpack it into the folder to index its files",
                report(library, "logs.tar.gz").reason());
        assertEquals("over the size limit (expands to more than 0.0 MB)", report(library, "zeros.txt.gz").reason());
        assertEquals(FileReport.Status.FAILED, report(library, "damaged.gz").status());
        assertEquals("could not be parsed: damaged gzip data (it ends too soon)", report(library, "damaged.gz").reason());
        assertEquals(5, library.files().size(), "every file accounted for: " + library.files());
    }

    private static void gzip(Path file, byte[] content) throws IOException {
        Files.write(file, gzipped(content));
    }

    private static byte[] gzipped(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void givenLinks_whenRead_thenOnlyThoseToFilesInsideTheFolderAreFollowed() throws Exception {
        Path outside = Files.createTempFile("cited-outside", ".txt");
        Files.writeString(outside, "Secret text outside the folder.");
        Files.writeString(dir.resolve("inside.txt"), "Text inside the folder.");
        Files.createSymbolicLink(dir.resolve("out.txt"), outside);
        Files.createSymbolicLink(dir.resolve("again.txt"), dir.resolve("inside.txt"));
        Library library = read();
        assertEquals(List.of("again", "inside"), library.documents().stream().map(Document::id).toList());
        assertEquals("a link to outside the documents folder: not followed", report(library, "out.txt").reason());
        Files.delete(outside);
    }

    @Test
    void givenTheConferencePaper_whenRead_thenItsPagesAreKnownAndRunningHeadersAreNotGluedIntoText() {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "the sample PDFs live in ../shared beside the checkout");
        Document paper = DocumentLoader.read(SAMPLES, LoadLimits.DEFAULT).documents().stream()
                .filter(d -> d.id().equals("tracemonkey")).findFirst().orElseThrow();
        assertEquals("application/pdf", paper.type());
        assertEquals(14, paper.pages());
        assertEquals("Trace-based Just-in-Time Type Specialization for Dynamic Languages", paper.title());
        int at = paper.text().indexOf("Every compiled trace contains all the guards");
        assertEquals(2, paper.pageAt(at));
        assertEquals(1, paper.pageAt(0));
    }

    @Test
    void givenTheSampleFolder_whenRead_thenTheEmptyAndTheProtectedPdfSaySo() {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "the sample PDFs live in ../shared beside the checkout");
        Library library = DocumentLoader.read(SAMPLES, LoadLimits.DEFAULT);
        assertEquals("no extractable text (scanned image?)", report(library, "empty.pdf").reason());
        assertEquals("encrypted PDF", report(library, "empty_protected.pdf").reason());
        Document book = library.documents().stream().filter(d -> d.id().equals("freeculture")).findFirst().orElseThrow();
        assertTrue(book.pages() > 300, "pages: " + book.pages());
        long footers = book.text().split("4TH PASS PAGES", -1).length - 1L;
        assertTrue(footers < book.pages() / 50, "a running footer is not text, except on pages of figures where "
                + "it sits mid-page: " + footers + " of " + book.pages() + " pages");
        assertFalse(book.text().contains("In- deed"), "words hyphenated across lines are joined");
        assertTrue(book.text().contains("Indeed, as we’ll see"), "words hyphenated across lines are joined");
    }

    @Test
    void givenAParseThatTakesTooLong_whenRead_thenItIsAbandonedAndTheRestAreServed() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "the sample PDFs live in ../shared beside the checkout");
        Files.copy(SAMPLES.resolve("freeculture.pdf"), dir.resolve("book.pdf"));
        Files.writeString(dir.resolve("note.txt"), "A short note.");
        Library library = DocumentLoader.read(dir, new LoadLimits(100L << 20, 20_000_000, Duration.ofMillis(50)));
        assertEquals("took longer than 50 ms to read: abandoned", report(library, "book.pdf").reason());
        assertNotNull(report(library, "note.txt").documentId(), "the other file is still served");
    }

    private static String text(Library library, String id) {
        return library.documents().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().text();
    }

    /** The smallest EPUB: its mimetype first and stored, a container, a package, one chapter. */
    private static void writeEpub(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            put(zip, "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" "
                    + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"content.opf\" "
                    + "media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
            put(zip, "content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\" "
                    + "unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Shell book"
                    + "</dc:title><dc:identifier id=\"id\">x</dc:identifier></metadata><manifest><item id=\"c1\" href=\"c1.xhtml\" "
                    + "media-type=\"application/xhtml+xml\"/></manifest><spine><itemref idref=\"c1\"/></spine></package>");
            put(zip, "c1.xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>One"
                    + "</title></head><body><h1>One</h1><p>Chapter one tells of the shells.</p></body></html>");
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A .docx encrypted with a password, as Word writes one. */
    private static void writeEncryptedDocx(Path file) throws Exception {
        Path plain = file.resolveSibling("plain-for-encryption.tmp");
        SampleFiles.wordMemo(plain, null, "Secret plans.");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("password");
            try (OPCPackage opc = OPCPackage.open(plain.toFile()); OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        Files.delete(plain);
    }
}
