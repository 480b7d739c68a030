package dev.rpik8s.wizard.flow;

/**
 * A file a script puts on the host before its command runs: rendered from a template, written to a path, with a
 * mode.
 *
 * @param template a path under {@code templates/}, as {@code host-prep/k8s-modules.conf}
 * @param to       where it goes on the host, an absolute path
 * @param mode     octal digits as written, {@code 0644}
 */
public record FileToPlace(String template, String to, String mode) {
}
