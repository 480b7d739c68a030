package dev.rpik8s.wizard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void keptRemovedAndAddedLinesInOrder() {
        assertEquals(List.of("  overlay", "- nf_conntrack", "+ br_netfilter"),
                LineDiff.of("overlay\nnf_conntrack\n", "overlay\nbr_netfilter\n"));
    }

    @Test
    void aNewFileIsAllAdded() {
        assertEquals(List.of("+ a", "+ b"), LineDiff.of("", "a\nb\n"));
    }

    @Test
    void theSameFileIsAllKept() {
        assertEquals(List.of("  a", "  b"), LineDiff.of("a\nb\n", "a\nb\n"));
    }

    @Test
    void aNewlineEndsALineAndAnEmptyLineIsStillALine() {
        assertEquals(List.of("  a", "+ "), LineDiff.of("a\n", "a\n\n"));
    }

    @Test
    void aLastLineWithoutItsNewlineIsAChange() {
        assertEquals(List.of("- a  (no newline at the end)", "+ a"), LineDiff.of("a", "a\n"));
    }
}
