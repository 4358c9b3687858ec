package kexeccheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A page without a graph says so on the page, not only on the terminal that wrote it (issue 25). */
class MatrixHtmlTest {

    @Test
    void aMissingGraphIsSaidWithTheRemedy() {
        String none = MatrixHtml.graphOrWhyNot(Optional.empty());
        assertTrue(none.startsWith("<p class=\"nograph\">No graph: Graphviz's dot was not installed"), none);
        assertTrue(none.contains("graphviz"), none);
        assertEquals("<div class=\"graph\"><svg/></div>\n", MatrixHtml.graphOrWhyNot(Optional.of("<?xml?>\n<svg/>")));
    }
}
