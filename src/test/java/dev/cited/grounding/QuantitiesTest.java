package dev.cited.grounding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forms a number is written in, compared by value. */
class QuantitiesTest {

    private static List<Quantity> in(String text) {
        return Quantities.in(text, Words.of(text));
    }

    private static Quantity one(String text) {
        List<Quantity> found = in(text);
        assertEquals(1, found.size(), text + ": " + found.stream().map(Quantity::text).toList());
        return found.get(0);
    }

    private static void same(String a, String b) {
        assertTrue(one(a).sameAs(one(b)), a + " = " + b);
    }

    private static void differ(String a, String b) {
        assertFalse(one(a).sameAs(one(b)), a + " ≠ " + b);
    }

    @Test
    void theFormsTheIssueNamesCompareEqual() {
        same("around 13,000 containers", "13000 containers");
        same("an estimated 6m shells", "6 million shells");
        same("6 million shells", "six million shells");
        same("half a million shells", "500,000 shells");
        same("a $14 billion arms deal", "$14bn of arms");
        same("in 2023", "the 2023 summit");
        same("a dozen missiles", "12 missiles");
        same("seven decades after", "70 years after");
        same("15%", "15 per cent");
        same("the tenth summit", "the 10th summit");
    }

    @Test
    void changedNumbersDiffer() {
        differ("around 13,000 containers", "around 31,000 containers");
        differ("half a million shells", "a million shells");
        differ("in 2023", "in 2021");
        differ("for one hour", "for one day");
        differ("in June", "in July");
    }

    @Test
    void aBareOneAndVaguePluralsAreNoQuantity() {
        assertEquals(List.of(), in("one of the few supporters"));
        assertEquals(List.of(), in("thousands of containers and dozens of missiles"));
    }

    @Test
    void aVersionMatchesItsSeriesButNotAnotherRelease() {
        assertTrue(one("the 3.4 series").sameAs(one("release 3.4.10")));
        assertFalse(one("release 1.2.0").sameAs(one("release 1.1.0")));
    }
}
