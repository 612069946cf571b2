package dev.cited.grounding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link ClaimVerifier} keeps, on the claim pairs (src/test/resources/grounding): true
 * paraphrases pass, planted errors of each kind (changed number, swapped name, invented fact, flipped
 * negation, opposite word, swapped roles) fail. An implementation names the pairs it is known to get wrong,
 * each with a reason; every other pair must get its expected verdict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClaimVerifierContract {
    protected ClaimPair.Set pairs;
    protected GroundingFixture fixture;
    private final Map<String, Verdict> verdicts = new HashMap<>();

    protected abstract ClaimVerifier verifier(GroundingFixture fixture);

    /** The ids of the pairs this verifier is known to get wrong. */
    protected abstract Set<String> knownMisses();

    /** The share of each kind of pair that must get its verdict, known misses counted. */
    protected abstract double minimumRate(String kind);

    @BeforeAll
    void build() {
        pairs = ClaimPair.read();
        fixture = new GroundingFixture(pairs.documents());
        ClaimVerifier verifier = verifier(fixture);
        for (ClaimPair pair : pairs.pairs()) {
            verdicts.put(pair.id(), verifier.verify(Claim.statement(pair.claim()),
                    fixture.evidence(pair.documentId(), pair.support())));
        }
    }

    @AfterAll
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void everyPairButTheKnownMissesGetsItsVerdict() {
        List<String> wrong = new ArrayList<>();
        List<String> nowRight = new ArrayList<>();
        for (ClaimPair pair : pairs.pairs()) {
            Verdict v = verdicts.get(pair.id());
            boolean right = v.supported() == pair.supported();
            if (!right && !knownMisses().contains(pair.id())) {
                wrong.add(pair.id() + " (" + pair.kind() + ") " + v.status().label() + ": " + v.reason()
                        + "\n    claim:   " + pair.claim() + "\n    support: " + pair.support());
            }
            if (right && knownMisses().contains(pair.id())) {
                nowRight.add(pair.id());
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
        assertEquals(List.of(), nowRight, "known misses that now pass: take them off the list");
    }

    @Test
    void eachKindMeetsItsRate() {
        Map<String, int[]> byKind = new TreeMap<>();
        for (ClaimPair pair : pairs.pairs()) {
            int[] tally = byKind.computeIfAbsent(pair.kind(), k -> new int[2]);
            tally[0] += verdicts.get(pair.id()).supported() == pair.supported() ? 1 : 0;
            tally[1]++;
        }
        String report = byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
                .collect(Collectors.joining(", "));
        System.out.println("claim pairs: " + report);
        assertTrue(byKind.keySet().containsAll(List.of("paraphrase", "number", "name", "invented", "negation",
                "antonym", "role")), "every kind is tested: " + byKind.keySet());
        byKind.forEach((kind, t) -> assertTrue((double) t[0] / t[1] >= minimumRate(kind), kind + ": " + report));
    }

    @Test
    void aFailedVerdictSaysWhyInPlainWordsAndPointsAtTheSpanChecked() {
        for (ClaimPair pair : pairs.pairs()) {
            Verdict v = verdicts.get(pair.id());
            assertTrue(!v.reason().isBlank() && !v.reason().contains("Exception"), pair.id() + ": " + v.reason());
            assertEquals(pair.support(), v.evidence().text(), pair.id());
            assertEquals(v.supported() ? List.of(v.evidence().quote()) : List.of(), v.support());
        }
    }

    /** Reads a known-misses file: one "id kind: reason" per line, # for comments. */
    static Set<String> readKnownMisses(String resource) {
        try {
            return Files.readAllLines(Path.of("src/test/resources/grounding", resource)).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\s+")[0])
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
