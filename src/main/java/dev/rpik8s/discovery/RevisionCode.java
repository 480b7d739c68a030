package dev.rpik8s.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A Raspberry Pi revision code (the {@code Revision} line of /proc/cpuinfo) decoded into the
 * board, its RAM, SoC and maker. The tables are data: {@code discovery/revision-codes.properties}.
 */
public record RevisionCode(String code, String board, int ramMb, String processor, String manufacturer, int boardRevision) {

    private static final Properties TABLE = load();

    /** Decodes the hex code; empty when it is not a Raspberry Pi code we know. */
    public static Optional<RevisionCode> decode(String hex) {
        String code = hex.strip().toLowerCase(Locale.ROOT);
        if (!code.matches("[0-9a-f]{1,8}")) {
            return Optional.empty();
        }
        long value = Long.parseLong(code, 16);
        boolean newStyle = ((value >>> 23) & 1) == 1;
        return newStyle ? decodeNew(code, value) : decodeOld(code, value);
    }

    private static Optional<RevisionCode> decodeNew(String code, long value) {
        String board = TABLE.getProperty(String.format("type.%02x", (value >>> 4) & 0xFF));
        String processor = TABLE.getProperty("processor." + ((value >>> 12) & 0xF));
        if (board == null || processor == null) {
            return Optional.empty();
        }
        int memory = (int) ((value >>> 20) & 7);
        int ramMb = memory == 7 ? 0 : 256 << memory;   // 7 means "other": size unknown from the code
        String maker = TABLE.getProperty("manufacturer." + ((value >>> 16) & 0xF), "unknown");
        return Optional.of(new RevisionCode(code, board, ramMb, processor, maker, (int) (value & 0xF)));
    }

    private static Optional<RevisionCode> decodeOld(String code, long value) {
        // Old codes may carry an overvoltage/warranty prefix (1000002): only the low 16 bits name the board.
        String row = TABLE.getProperty(String.format("old.%04x", value & 0xFFFF));
        if (row == null) {
            return Optional.empty();
        }
        String[] f = row.split(",");
        return Optional.of(new RevisionCode(code, f[0], Integer.parseInt(f[1]), "BCM2835", f[2], 0));
    }

    /** ARMv8 SoCs can run a 64-bit kernel and userland; BCM2835/2836 cannot. */
    public boolean is64BitCapable() {
        return processor.equals("BCM2837") || processor.equals("BCM2711") || processor.equals("BCM2712");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = RevisionCode.class.getResourceAsStream("/discovery/revision-codes.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("revision-codes.properties is missing from the jar", e);
        }
        return p;
    }
}
