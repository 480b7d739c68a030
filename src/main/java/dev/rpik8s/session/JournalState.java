package dev.rpik8s.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.rpik8s.session.JournalEvent.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a journal says, read back for resume: per step and host the last event, which steps were in flight
 * when the wizard stopped, which flows ran to their end. An in-flight step may have done all, part or none
 * of its work: resume runs its check again, it never assumes either way.
 */
public final class JournalState {

    private static final int SHOWN = 80;

    private final Map<StepOnHost, JournalEvent> last = new LinkedHashMap<>();
    private final Map<String, JournalEvent> lastOfFlow = new LinkedHashMap<>();
    /** Started, and neither done, failed nor skipped since: a DECLINED in between ran nothing, and changes nothing. */
    private final Set<StepOnHost> inFlight = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private long wholeLength;

    private JournalState() {
    }

    /**
     * Reads {@code file}; no file is a journal with nothing in it. A last line that is incomplete or cannot be
     * read is what a crash while appending leaves: it is ignored, with a note. Anything else that cannot be
     * read means the file was edited or damaged, and resuming from it would be a guess: refused, naming the line.
     */
    public static JournalState read(Path file) throws SessionException, IOException {
        JournalState state = new JournalState();
        if (!Files.exists(file)) {
            return state;
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        for (int lineNr = 1; start < bytes.length; lineNr++) {
            int end = indexOf(bytes, (byte) '\n', start);
            boolean lastLine = end < 0 || end == bytes.length - 1;
            String line = new String(bytes, start, (end < 0 ? bytes.length : end) - start, StandardCharsets.UTF_8);
            if (end < 0) {
                state.notes.add(file + ", line " + lineNr + ": incomplete (the wizard stopped while writing it), ignored: " + shown(line));
                break;
            }
            try {
                state.add(JournalEvent.parse(line));
            } catch (JsonProcessingException e) {
                String why = e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException bad
                        ? bad.getMessage() : e.getOriginalMessage();
                if (!lastLine) {
                    throw new SessionException(file + ", line " + lineNr + ": not a journal event (" + why
                            + "); the journal was edited or is damaged, and resuming from it would be a guess. Line: " + shown(line));
                }
                state.notes.add(file + ", line " + lineNr + ": the last line cannot be read (" + why + "), ignored: " + shown(line));
                break;
            }
            start = end + 1;
            state.wholeLength = start;
        }
        return state;
    }

    private void add(JournalEvent event) {
        // re-inserted so that the maps' order is the order of the last events
        lastOfFlow.remove(event.flow());
        lastOfFlow.put(event.flow(), event);
        if (event.kind() != Kind.FINISHED) {
            last.remove(event.where());
            last.put(event.where(), event);
            if (event.kind() == Kind.STARTED) {
                inFlight.remove(event.where());
                inFlight.add(event.where());
            } else if (event.kind() != Kind.DECLINED) {
                inFlight.remove(event.where());
            }
        }
    }

    /** The last event of this step on this host, if it ever ran there. */
    public Optional<JournalEvent> last(StepOnHost where) {
        return Optional.ofNullable(last.get(where));
    }

    /** Steps of {@code flow} started on a host with nothing after: to be checked again on resume, in the order they started. */
    public List<StepOnHost> inFlight(String flow) {
        return inFlight.stream().filter(w -> w.flow().equals(flow)).toList();
    }

    /** True when the last event of {@code flow} says it ran to its end; a flow run again after that is unfinished again. */
    public boolean finished(String flow) {
        JournalEvent lastEvent = lastOfFlow.get(flow);
        return lastEvent != null && lastEvent.kind() == Kind.FINISHED;
    }

    /** The last event of {@code flow}: where a run of it is, or ended. */
    public Optional<JournalEvent> lastOf(String flow) {
        return Optional.ofNullable(lastOfFlow.get(flow));
    }

    /** Every flow the journal has events of, in the order of their last event. */
    public Set<String> flows() {
        return new LinkedHashSet<>(lastOfFlow.keySet());
    }

    /** What was ignored while reading (a torn last line), for the wizard's log and the resume screen. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Bytes of whole, readable lines: where the next event goes, past a torn line that is cut off. */
    long wholeLength() {
        return wholeLength;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String shown(String line) {
        return line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "...";
    }
}
