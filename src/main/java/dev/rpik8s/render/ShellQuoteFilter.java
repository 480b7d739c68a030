package dev.rpik8s.render;

import dev.rpik8s.cluster.ShellWord;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code {{ value | sh }}}: the value as one single-quoted shell word. Only plain values are taken: the text of a
 * list, a record or an enum constant is Java's, not what the operator chose, so those are refused by name.
 */
final class ShellQuoteFilter implements Filter {

    static final String NAME = "sh";

    @Override
    public List<String> getArgumentNames() {
        return List.of();
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
            int lineNumber) {
        if (input == null) {
            throw refused("the value is null; give a text ('' for an empty one)", self, lineNumber);
        }
        if (input instanceof Collection<?> || input instanceof Map<?, ?> || input.getClass().isArray()) {
            throw refused("a list is several words: loop over it ({% for w in words %}{{ w | sh }} {% endfor %})",
                    self, lineNumber);
        }
        if (!(input instanceof CharSequence || input instanceof Number || input instanceof Boolean
                || input instanceof Character)) {
            throw refused("| sh takes a text, a number or true/false, not a " + input.getClass().getSimpleName()
                    + "; pass the text you mean (a label, an address)", self, lineNumber);
        }
        try {
            return ShellWord.quote(input.toString());
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage(), self, lineNumber);
        }
    }

    private static PebbleException refused(String why, PebbleTemplate self, int lineNumber) {
        return new PebbleException(null, why, lineNumber, self.getName());
    }
}
