package dev.rpik8s.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.rpik8s.cluster.DiscoveredHost;
import dev.rpik8s.wizard.HostLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code discover} prints: a table in the columns of the discovery screen ({@link HostLine}, so both read
 * the same), or JSON with every fact of every host.
 */
final class DiscoveryOutput {

    private static final List<String> HEADER = List.of("ADDRESS", "HOSTNAME", "MODEL", "RAM", "ARCH", "OS", "CGROUPS", "STATUS");

    private DiscoveryOutput() {
    }

    /** One line per host, columns aligned; the status (with the problem, if any) last, never cut. */
    static String table(List<DiscoveredHost> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        for (DiscoveredHost row : rows) {
            HostLine l = HostLine.of(row);
            cells.add(List.of(l.address(), l.hostname(), l.model(), l.ram(), l.arch(), l.os(), l.cgroups(), l.status()));
        }
        int[] width = new int[HEADER.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : cells) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String cell = line.get(i);
                l.append(i == width.length - 1 ? cell : String.format("%-" + width[i] + "s  ", cell));
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static final ObjectWriter JSON = new ObjectMapper().registerModule(new Jdk8Module()).writerWithDefaultPrettyPrinter();

    /** {"hosts": [row...]}: a row's fields by name, its facts whole (null until fingerprinted). */
    static String json(List<DiscoveredHost> rows) {
        try {
            return JSON.writeValueAsString(Map.of("hosts", rows)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("discovery rows are plain records: " + e.getMessage(), e);
        }
    }
}
