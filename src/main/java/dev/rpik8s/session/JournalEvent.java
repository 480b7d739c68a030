package dev.rpik8s.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the journal: a step started, was done, failed or was skipped on a host, the operator declined its
 * typed confirmation there (DECLINED: before it started, nothing of it ran), or the flow ran to its end (FINISHED,
 * no step, no host). A reason goes with FAILED, SKIPPED and DECLINED only, and is already masked:
 * <pre>{"at":"2026-12-01T10:00:04.120Z","kind":"FAILED","flow":"deploy","step":"swap-off","host":"192.168.1.21","reason":"exit 1: zram-swap still active"}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"at", "kind", "flow", "step", "host", "reason"})
public record JournalEvent(Instant at, Kind kind, String flow, String step, String host, Optional<String> reason) {

    public enum Kind {
        STARTED, DONE, FAILED, SKIPPED, DECLINED, ROLLED_BACK, FINISHED;

        boolean needsReason() {
            return this == FAILED || this == SKIPPED || this == DECLINED || this == ROLLED_BACK;
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();

    /** Refuses what the journal never writes, so that a line edited into nonsense is found when read back. */
    public JournalEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(flow, "flow");
        reason = reason == null ? Optional.empty() : reason;
        boolean wholeFlow = kind == Kind.FINISHED;
        if (wholeFlow ? step != null || host != null : step == null || host == null) {
            throw new IllegalArgumentException(kind == Kind.FINISHED ? "FINISHED names no step and no host" : kind + " needs a step and a host");
        }
        if (kind.needsReason() != reason.isPresent()) {
            throw new IllegalArgumentException(kind.needsReason() ? kind + " needs a reason" : kind + " has no reason");
        }
    }

    static JournalEvent of(Instant at, Kind kind, StepOnHost where, Optional<String> reason) {
        return new JournalEvent(at, kind, where.flow(), where.step(), where.host(), reason);
    }

    static JournalEvent finished(Instant at, String flow) {
        return new JournalEvent(at, Kind.FINISHED, flow, null, null, Optional.empty());
    }

    /** Where it happened; only for events of a step. */
    @JsonIgnore
    public StepOnHost where() {
        if (kind == Kind.FINISHED) {
            throw new IllegalStateException("FINISHED is about the whole flow " + flow);
        }
        return new StepOnHost(flow, step, host);
    }

    /** The event as one line of JSON, newline included: the unit the journal appends. */
    byte[] line() {
        try {
            return (MAPPER.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journal event is a plain record: " + e.getMessage(), e);
        }
    }

    static JournalEvent parse(String line) throws JsonProcessingException {
        return MAPPER.readValue(line, JournalEvent.class);
    }
}
