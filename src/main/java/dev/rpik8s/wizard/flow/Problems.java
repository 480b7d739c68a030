package dev.rpik8s.wizard.flow;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** What is wrong with one flow file, collected over the whole file so the author sees it all at once. */
final class Problems {

    private final String file;
    private final List<String> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void at(Node node, String what) {
        atLine(line(node), what);
    }

    void atLine(int line, String what) {
        found.add(file + ", line " + line + ": " + what);
    }

    int count() {
        return found.size();
    }

    void throwIfAny() throws FlowException {
        if (!found.isEmpty()) {
            throw new FlowException(found);
        }
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
