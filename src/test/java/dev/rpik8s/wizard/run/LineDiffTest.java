package dev.rpik8s.wizard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void keptRemovedAndAddedLinesInOrder() {
        assertEquals(List.of("  overlay", "- nf_conntrack", "+ br_netfilter", "  "),
                LineDiff.of("overlay\nnf_conntrack\n", "overlay\nbr_netfilter\n"));
    }

    @Test
    void aNewFileIsAllAdded() {
        assertEquals(List.of("+ a", "+ b"), LineDiff.of("", "a\nb"));
    }

    @Test
    void theSameFileIsAllKept() {
        assertEquals(List.of("  a", "  b"), LineDiff.of("a\nb", "a\nb"));
    }
}
