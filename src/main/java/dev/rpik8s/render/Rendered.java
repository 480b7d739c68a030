package dev.rpik8s.render;

/**
 * A rendered template: its name (as a flow names it), where it was read from, and the text.
 *
 * @param template the template's name, or for a command written in a flow where it is written
 * @param from     {@code bundled}, or the file under the {@code --wizards} directory that shadowed the bundled one,
 *                 so a plan can show an operator which of the two runs; {@code flow} for a command written in a flow
 */
public record Rendered(String template, String from, String text) {
}
