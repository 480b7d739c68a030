package dev.rpik8s.wizard.run;

/**
 * A file as it will be placed on a host: rendered, with its path and mode.
 *
 * @param template the template it was rendered from, for the plan's listing
 * @param mode     as written in the flow, octal ({@code 0644})
 */
public record PlacedFile(String template, String path, String mode, String content) {

    /** The directory it goes into (paths in a flow are absolute: the loader checks). */
    String directory() {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    int modeBits() {
        return Integer.parseInt(mode, 8);
    }
}
