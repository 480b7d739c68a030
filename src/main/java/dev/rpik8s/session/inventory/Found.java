package dev.rpik8s.session.inventory;

/**
 * A variable the plan reads, as found in the inventory.
 *
 * @param value a String (numbers as written), a Boolean, null, a list of Strings or a map of Strings
 * @param where {@code file:line}, for the messages
 */
record Found(String key, Object value, String where) {

    /** A value that is one word of text; a list or a mapping is refused with where it was. */
    String text() {
        if (value instanceof Boolean || value instanceof java.util.Collection<?> || value instanceof java.util.Map<?, ?>) {
            throw new IllegalArgumentException(where + ": " + key + " should be one value, not " + describe() + ".");
        }
        return value == null ? "" : ((String) value).strip();
    }

    private String describe() {
        return value instanceof Boolean ? "true or false" : "a list or a mapping";
    }
}
