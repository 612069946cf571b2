package dev.cited.citation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CitationAssemblerTest {
    private static final String DOC = "Alpha fact here. Beta fact there. Gamma fact everywhere.";
    private static final Map<Integer, Quote> SOURCES = Map.of(
            1, quote(0, 16), 2, quote(17, 33), 3, quote(34, DOC.length()));

    private static Quote quote(int start, int end) {
        return new Quote("doc", "Doc", start, end, DOC.substring(start, end));
    }

    private static CitedText assemble(String raw) {
        return CitationAssembler.assemble(raw, (marker, claim) -> Optional.ofNullable(SOURCES.get(marker)));
    }

    @Test
    void givenMarkersOutOfOrder_whenAssembled_thenRenumberedByFirstUse() {
        CitedText cited = assemble("Gamma is true [3]. Alpha is true [1]. Gamma again [3].");
        assertEquals("Gamma is true [1]. Alpha is true [2]. Gamma again [1].", cited.text());
        assertEquals(List.of(1, 2), cited.citations().stream().map(Citation::marker).toList());
        assertEquals(DOC.substring(34), cited.citations().get(0).quote());
        assertEquals(34, cited.citations().get(0).start());
    }

    @Test
    void givenAnInventedMarker_whenAssembled_thenItIsRemovedAndNeverReturned() {
        CitedText cited = assemble("Alpha [1]. Made up [9]. Both [2][7].");
        assertEquals("Alpha [1]. Made up. Both [2].", cited.text());
        assertEquals(2, cited.citations().size());
    }

    @Test
    void givenGroupedMarkers_whenAssembled_thenEachBecomesItsOwnMarker() {
        CitedText cited = assemble("Beta and gamma [2, 3].");
        assertEquals("Beta and gamma [1][2].", cited.text());
    }

    @Test
    void givenNoMarkers_whenAssembled_thenNoCitations() {
        assertEquals(List.of(), assemble("Nothing cited here.").citations());
    }

    @Test
    void givenAMarker_whenResolved_thenTheResolverSeesItsOwnSentenceAsTheClaim() {
        StringBuilder claims = new StringBuilder();
        CitationAssembler.assemble("First claim [1]. Second claim here [2].", (m, claim) -> {
            claims.append(m).append('=').append(claim).append(';');
            return Optional.of(SOURCES.get(m));
        });
        assertEquals("1=First claim;2=Second claim here;", claims.toString());
        assertEquals("Second claim", CitationAssembler.claimBefore("First [1]. Second claim. [2]", 25));
    }

    @Test
    void givenASentenceEndingWithAStop_whenMarked_thenTheMarkerGoesBeforeTheStop() {
        assertEquals("Shells were sent [2].", CitationAssembler.attach("Shells were sent.", 2));
        assertEquals("“Quoted,” he said [1].", CitationAssembler.attach("“Quoted,” he said.", 1));
        assertEquals("No stop [1].", CitationAssembler.attach("No stop", 1));
        assertEquals("He said “until victory.” [3]", CitationAssembler.attach("He said “until victory.”", 3));
    }
}
