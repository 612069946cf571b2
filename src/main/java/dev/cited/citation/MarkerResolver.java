package dev.cited.citation;

import java.util.Optional;

/** Says what a marker written by an answerer points at. */
@FunctionalInterface
public interface MarkerResolver {

    /**
     * @param marker the number as written (e.g. a passage number in the prompt)
     * @param claim  the answer text the marker is attached to (its sentence, up to the marker)
     * @return the quote supporting the claim, or empty when the marker names nothing that was retrieved
     */
    Optional<Quote> resolve(int marker, String claim);
}
