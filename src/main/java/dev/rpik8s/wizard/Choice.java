package dev.rpik8s.wizard;

/**
 * One answer to a chosen setting.
 *
 * @param value what {@link SettingsStep#set} takes ("docker", "1.35", "vip", "off")
 * @param note  what the operator should know before choosing it ("through cri-dockerd; blocks on pi-22"), or ""
 */
public record Choice(String value, String label, String note) {

    /** The choice in one line: its label, then its note. */
    public String text() {
        return note.isEmpty() ? label : String.format("%-8s %s", label, note);
    }
}
