package dev.rpik8s.remote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A Fleet listener that records "started HOST" and "finished HOST true|false", in the order they came. */
final class FleetEvents implements Fleet.Listener {

    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void started(String host) {
        events.add("started " + host);
    }

    @Override
    public void finished(String host, Fleet.Outcome<?> o) {
        events.add("finished " + host + " " + o.ok());
    }
}
