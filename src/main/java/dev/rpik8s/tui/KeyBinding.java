package dev.rpik8s.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.function.Predicate;

/** A key that works on a screen: what the key bar shows, when it matches, what it does. */
record KeyBinding(String key, String description, Predicate<KeyStroke> matches, Runnable action) {

    static KeyBinding character(char c, String description, Runnable action) {
        return new KeyBinding(String.valueOf(c), description, typed(c), action);
    }

    /** The plain character c, without Ctrl or Alt. */
    static Predicate<KeyStroke> typed(char c) {
        return k -> k.getKeyType() == KeyType.Character && k.getCharacter() == c && !k.isCtrlDown() && !k.isAltDown();
    }

    /** A second key for what the bar already lists under a shared name ("[/]" for [ and ]): not listed again. */
    static KeyBinding also(char c, Runnable action) {
        return new KeyBinding("", "", typed(c), action);
    }

    boolean listed() {
        return !key.isEmpty();
    }

    static KeyBinding special(KeyType type, String name, String description, Runnable action) {
        return new KeyBinding(name, description, k -> k.getKeyType() == type, action);
    }

    /** Ctrl-C arrives as a key (Lanterna traps it) so quitting can clean up and ask first. */
    static boolean isCtrlC(KeyStroke k) {
        return k.getKeyType() == KeyType.Character && k.isCtrlDown() && Character.toLowerCase(k.getCharacter()) == 'c';
    }
}
