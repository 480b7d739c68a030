package dev.rpik8s.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rpik8s.etcd.QuorumState;
import dev.rpik8s.testsupport.QuorumSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The feed between a watch and a run's view, with a source the test drives by hand. */
class QuorumFeedTest {

    /** Hands out states when the test says; counts its stops. */
    private static final class HandSource implements QuorumFeed.Source {
        Consumer<QuorumState> listener;
        int stops;

        @Override
        public Runnable start(Consumer<QuorumState> to) {
            listener = to;
            return () -> stops++;
        }
    }

    @Test
    void eachLookReachesTheViewAsAPanelUntilClosed() {
        HandSource source = new HandSource();
        PanelsSeen view = new PanelsSeen();
        QuorumFeed feed = QuorumFeed.start(source, view);
        assertEquals(Optional.empty(), feed.last());
        source.listener.accept(QuorumSample.one(1));
        source.listener.accept(QuorumSample.lost(2));
        assertEquals(List.of(QuorumPanel.Level.FRAGILE, QuorumPanel.Level.LOST), view.seen.stream().map(QuorumPanel::level).toList());
        assertEquals(QuorumPanel.of(QuorumSample.lost(2)), view.seen.get(1));
        feed.close();
        assertEquals(1, source.stops);
        source.listener.accept(QuorumSample.healthy(3));
        assertEquals(2, view.seen.size(), "nothing after close");
    }

    @Test
    void aViewThatTakesOverShowsTheLastPanelAtOnce() {
        HandSource source = new HandSource();
        PanelsSeen first = new PanelsSeen();
        try (QuorumFeed feed = QuorumFeed.start(source, first)) {
            PanelsSeen later = new PanelsSeen();
            feed.showOn(later);
            assertTrue(later.seen.isEmpty(), "no look yet, nothing to show");
            source.listener.accept(QuorumSample.healthy(5));
            PanelsSeen switched = new PanelsSeen();
            feed.showOn(switched);
            assertEquals(List.of(QuorumPanel.of(QuorumSample.healthy(5))), switched.seen);
            source.listener.accept(QuorumSample.one(6));
            assertEquals(2, switched.seen.size());
            assertEquals(1, later.seen.size(), "the view left behind gets no more");
            assertTrue(first.seen.isEmpty());
        }
    }

    @Test
    void aViewThatThrowsDoesNotEndTheFeed() {
        HandSource source = new HandSource();
        List<QuorumPanel> tried = new ArrayList<>();
        PanelsSeen view = new PanelsSeen() {
            @Override
            public void quorum(QuorumPanel panel) {
                tried.add(panel);
                throw new IllegalStateException("drawn on a closed screen");
            }
        };
        try (QuorumFeed feed = QuorumFeed.start(source, view)) {
            source.listener.accept(QuorumSample.one(1));
            source.listener.accept(QuorumSample.one(2));
            assertEquals(2, tried.size());
            assertEquals(Optional.of(tried.get(1)), feed.last());
        }
    }
}
