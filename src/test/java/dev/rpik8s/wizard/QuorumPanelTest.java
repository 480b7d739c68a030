package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.etcd.QuorumTable;
import dev.rpik8s.testsupport.QuorumSample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The panel in words from a quorum state: the table's rows, the summary apart, the level the views colour. */
class QuorumPanelTest {

    @Test
    void theRowsAreTheTablesAndItsLastLineIsTheSummary() {
        QuorumState lost = QuorumSample.lost(100);
        QuorumPanel p = QuorumPanel.of(lost);
        List<String> table = QuorumTable.lines(lost);
        assertEquals(table.subList(0, table.size() - 1), p.rows());
        assertEquals(3, p.rows().size(), "heading and two members: " + p.rows());
        assertTrue(p.rows().get(0).startsWith("MEMBER ") && p.rows().get(0).endsWith("HEALTH"), p.rows().get(0));
        assertTrue(p.rows().get(2).endsWith("unreachable: etcd does not answer on its client port"), p.rows().get(2));
        assertEquals(lost.words(), p.summary());
        assertEquals(lost.at(), p.at());
    }

    @Test
    void eachLevelHasAWordThatReadsWithoutColour() {
        assertEquals(QuorumPanel.Level.FRAGILE, QuorumPanel.of(QuorumSample.one(7)).level());
        assertEquals(QuorumPanel.Level.LOST, QuorumPanel.of(QuorumSample.lost(7)).level());
        QuorumPanel healthy = QuorumPanel.of(QuorumSample.healthy(7));
        assertEquals(QuorumPanel.Level.HEALTHY, healthy.level());
        assertEquals("QUORUM OK · Quorum: 2 of 3 voters needed, 3 up. One voter may fail.", healthy.headline());
        assertTrue(QuorumPanel.of(QuorumSample.lost(7)).headline().startsWith("QUORUM LOST · Quorum lost: 2 of 2 voters needed"));
        assertTrue(QuorumPanel.of(QuorumSample.one(7)).headline().startsWith("QUORUM AT RISK · "));
        QuorumPanel unknown = QuorumPanel.of(new QuorumState(Instant.EPOCH, List.of(), Optional.empty(), List.of("10.0.1.10: no SSH login")));
        assertEquals(QuorumPanel.Level.UNKNOWN, unknown.level());
        assertEquals(List.of("MEMBER  ID  PEER URL  STATE  ROLE  TERM  INDEX  LAG  DB SIZE  HEALTH", "Note: 10.0.1.10: no SSH login"),
                unknown.rows());
    }

    @Test
    void movingFiguresKeepTheShapeAndAChangeOfLevelDoesNot() {
        QuorumPanel before = QuorumPanel.of(QuorumSample.healthy(100));
        QuorumPanel after = QuorumPanel.of(QuorumSample.healthy(250));
        assertFalse(before.rows().equals(after.rows()), "the raft index moved");
        assertTrue(before.sameShape(after));
        assertFalse(before.sameShape(QuorumPanel.of(QuorumSample.lost(250))));
        assertFalse(before.sameShape(null));
    }
}
