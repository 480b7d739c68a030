package dev.rpik8s.render;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

/**
 * The rule for shell scripts ({@code .sh} templates), checked when a template is compiled, so a bundled template
 * and one from {@code --wizards} alike fail before anything runs: every {@code {{ ... }}} ends in {@code | sh},
 * and stands where a quoted word stays one word (see {@link ShellPosition}).
 */
final class EveryValueQuoted implements NodeVisitorFactory {

    static final String SCRIPT_SUFFIX = ".sh";

    /** True for the engine of commands written in a flow: each of those is a script, whatever its name. */
    private final boolean everyTemplate;

    EveryValueQuoted(boolean everyTemplate) {
        this.everyTemplate = everyTemplate;
    }

    @Override
    public NodeVisitor createVisitor(PebbleTemplate template) {
        PebbleTemplateImpl compiled = (PebbleTemplateImpl) template;
        return everyTemplate || template.getName().endsWith(SCRIPT_SUFFIX) ? new Check(compiled)
                : new AbstractNodeVisitor(compiled);
    }

    /** Walks the template in source order, keeping the script text so far to know where each value lands. */
    private static final class Check extends AbstractNodeVisitor {

        private final StringBuilder script = new StringBuilder();

        Check(PebbleTemplateImpl template) {
            super(template);
        }

        @Override
        public void visit(TextNode node) {
            script.append(node.getData());
        }

        @Override
        public void visit(PrintNode node) {
            if (!quoted(node.getExpression())) {
                throw refused("a value without | sh: write {{ ... | sh }}, so it reaches the shell as one word",
                        node.getLineNumber());
            }
            ShellPosition.unsafeAtEnd(script).ifPresent(where -> {
                throw refused("a value " + where + ": put {{ ... | sh }} outside any quotes (e.g. name={{ ... | sh }},"
                        + " then use \"$name\")", node.getLineNumber());
            });
            script.append("''");   // what a quoted value looks like to the text that follows
        }

        private static boolean quoted(Expression<?> e) {
            return e instanceof FilterExpression f
                    && f.getRightExpression() instanceof FilterInvocationExpression last
                    && last.getFilterName().equals(ShellQuoteFilter.NAME);
        }

        private ParserException refused(String why, int line) {
            return new ParserException(null, why, line, getTemplate().getName());
        }
    }
}
