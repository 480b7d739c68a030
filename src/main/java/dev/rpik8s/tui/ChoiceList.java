package dev.rpik8s.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.RadioBoxList;
import dev.rpik8s.wizard.Choice;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chosen setting as radio buttons: the checked one is the setting's saved value. Enter or space on another hands
 * it to the screen, which checks it only once the step took it (no listener: Lanterna runs those later, and a
 * refused choice would already show as checked).
 */
final class ChoiceList extends RadioBoxList<String> {

    private List<Choice> choices = List.of();

    ChoiceList(TerminalSize size, Consumer<Choice> choose) {
        super(size);
        setInputFilter((who, key) -> {
            if (isKeyboardActivationStroke(key) && !choices.isEmpty()) {
                choose.accept(choices.get(Math.min(getSelectedIndex(), choices.size() - 1)));
                return false;
            }
            return true;
        });
    }

    /** The choices as they are now (their notes follow the other settings), {@code current} checked; the cursor stays. */
    void show(List<Choice> next, String current) {
        int at = getSelectedIndex();
        choices = next;
        clearItems();
        next.forEach(c -> addItem(c.text()));
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).value().equals(current)) {
                setCheckedItemIndex(i);
            }
        }
        if (!next.isEmpty()) {
            setSelectedIndex(at < 0 ? Math.max(0, getCheckedItemIndex()) : Math.min(at, next.size() - 1));
        }
    }
}
