package dev.rpik8s.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import java.util.List;
import java.util.Map;

/** What Pebble needs to write shell scripts: the {@code sh} filter, and the rule that every value goes through it. */
final class ShellExtension extends AbstractExtension {

    private final boolean everyTemplateAScript;

    /** @param everyTemplateAScript true to hold every template to the {@code | sh} rule, not only {@code .sh} ones */
    ShellExtension(boolean everyTemplateAScript) {
        this.everyTemplateAScript = everyTemplateAScript;
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(ShellQuoteFilter.NAME, new ShellQuoteFilter());
    }

    @Override
    public List<NodeVisitorFactory> getNodeVisitors() {
        return List.of(new EveryValueQuoted(everyTemplateAScript));
    }
}
