package dev.cited.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryIntentTest {

    @Test
    void givenQuestionsAboutTheWholeCollection_whenRead_thenTheyAskForAnOverview() {
        for (String q : List.of("What are the documents about?", "Summarise the documents.", "Summarize",
                "Can you summarise these files?", "Give me an overview", "Give me a short summary of the articles",
                "Overview?", "An overview of the collection, please", "What are the main topics?",
                "What do the papers cover?", "What can I ask?", "What do you know?")) {
            assertTrue(QueryIntent.isOverview(q), q);
        }
    }

    @Test
    void givenQuestionsAboutAnOverviewOrSummaryInTheDocuments_whenRead_thenTheyAreOrdinaryQuestions() {
        for (String q : List.of("Who wrote the overview of the technology acceptance model?",
                "What does the summary of the agreement say about cyber security?",
                "Which section gives an overview of trace trees?", "Summarise what Borrell said in Seoul",
                "How many artillery shells has North Korea sent to Russia?")) {
            assertFalse(QueryIntent.isOverview(q), q);
        }
    }
}
