package dev.rpik8s.cluster;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The operator's decision to go on despite a blocking finding, kept in the plan so that it is on record.
 *
 * @param host       the address the finding names; empty for a cluster-wide finding
 * @param recordedAt ISO-8601 instant: text, so the session file needs no Jackson time module
 * @param reason     in the operator's words; required, since the record is the point
 */
public record FindingOverride(String code, Optional<String> host, String recordedAt, String reason) {

    public FindingOverride {
        if (code == null || code.isBlank()) {
            throw new PlanChangeRefused("An override names the finding it overrides.");
        }
        if (reason == null || reason.isBlank()) {
            throw new PlanChangeRefused("Overriding '" + code + "' needs a reason: it is kept with the plan.");
        }
        host = host == null ? Optional.empty() : host;
        try {
            Instant.parse(recordedAt);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new PlanChangeRefused("Override of '" + code + "': '" + recordedAt + "' is not a time such as 2026-11-24T10:15:30Z.");
        }
        reason = reason.strip();
    }

    public static FindingOverride of(String code, Optional<String> host, String reason, Instant at) {
        return new FindingOverride(code, host, at.toString(), reason);
    }

    public boolean covers(Finding finding) {
        return code.equals(finding.code()) && host.equals(finding.host());
    }
}
