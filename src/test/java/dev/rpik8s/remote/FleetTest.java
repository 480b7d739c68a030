package dev.rpik8s.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FleetTest {

    @Test
    @Timeout(20)
    void neverMoreThanMaxInFlightAndEveryHostGetsAnOutcomeInOrder() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<String> hosts = List.of("a", "b", "c", "d", "e", "f", "g");
        Map<String, Fleet.Outcome<String>> out = new Fleet(3, Duration.ofSeconds(10)).run(hosts, h -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(50);
            running.decrementAndGet();
            if (h.equals("d")) {
                throw new RemoteException("d is broken");
            }
            return h.toUpperCase();
        }, Fleet.Listener.NONE);
        assertEquals(hosts, List.copyOf(out.keySet()));
        assertTrue(peak.get() <= 3, "peak " + peak.get());
        assertEquals(Fleet.Outcome.done("A"), out.get("a"));
        assertEquals(Fleet.Outcome.failed("d is broken"), out.get("d"));
    }

    @Test
    @Timeout(20)
    void aHostPastItsDeadlineFailsAndDoesNotHoldTheOthers() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        FleetEvents listener = new FleetEvents();
        List<String> events = listener.events;
        // One slot only: the others can run only because the stuck host's slot is given back.
        Map<String, Fleet.Outcome<Integer>> out = new Fleet(1, Duration.ofMillis(300)).run(List.of("stuck", "x", "y"), h -> {
            if (h.equals("stuck")) {
                never.await();
            }
            return 1;
        }, listener);
        assertFalse(out.get("stuck").ok());
        assertTrue(out.get("stuck").message().contains("no answer within 0.3 s"), out.get("stuck").message());
        assertTrue(out.get("x").ok());
        assertTrue(out.get("y").ok());
        assertEquals(List.of("started stuck", "finished stuck false", "started x", "finished x true", "started y", "finished y true"), events);
    }
}
