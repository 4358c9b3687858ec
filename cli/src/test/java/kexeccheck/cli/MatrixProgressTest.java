package kexeccheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kexeccheck.checker.Matrix;
import org.junit.jupiter.api.Test;

/** The time left shown on a terminal, on the samples a standard matrix really gave (docs/performance.md). */
class MatrixProgressTest {

    private static final Matrix.Progress FIRST = new Matrix.Progress(1, 1728, 2570);

    @Test
    void theFirstCellGivesNoEstimate() {
        // extrapolated from the first cell, which also paid for parsing and translation: 4163 s for 26 s
        assertEquals("1/1728 cells, estimating the time left", MatrixCommand.progressText(FIRST, FIRST));
    }

    @Test
    void laterCellsAreExtrapolatedFromTheRateSinceTheFirst() {
        // 26 s were really left at this point of the run
        assertEquals("61/1728 cells, about 32 s left",
                MatrixCommand.progressText(FIRST, new Matrix.Progress(61, 1728, 3710)));
        assertEquals("1728/1728 cells, about 0 s left",
                MatrixCommand.progressText(FIRST, new Matrix.Progress(1728, 1728, 28290)));
    }
}
