package dev.rpik8s.tui;

import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.input.KeyType;
import dev.rpik8s.wizard.Playground;
import dev.rpik8s.wizard.Playground.Host;
import java.nio.file.Path;

/** The virtual Pis of the lab, each with the line that logs in to it by hand. */
final class PlaygroundScreen extends FullScreen {

    PlaygroundScreen(Playground playground, Path log) {
        this(playground, log, new Table<>("NAME", "ADDRESS", "PORT", "PRETENDS TO BE"));
    }

    private PlaygroundScreen(Playground playground, Path log, Table<String> table) {
        super("rpik8s-tui  ·  lab  ·  " + playground.hosts().size() + " virtual Pis", body(playground, log, table));
        for (Host h : playground.hosts()) {
            table.getTableModel().addRow(h.name(), h.address(), String.valueOf(h.port()), h.description());
        }
        table.setSelectAction(() -> details(playground, table));
        bind(KeyBinding.special(KeyType.Enter, "enter", "log-in line", () -> details(playground, table)));
    }

    private static Panel body(Playground playground, Path log, Table<String> table) {
        Panel p = new Panel(new LinearLayout(Direction.VERTICAL));
        p.addComponent(new Label("These Pis run on this machine: each has its own SSH server, host key and files."));
        p.addComponent(new Label("The wizard's discovery screen is not built yet; log in to any Pi by hand meanwhile."));
        p.addComponent(new Label("Quitting stops the lab.  Log: " + log));
        p.addComponent(new Label(""));
        p.addComponent(table, LinearLayout.createLayoutData(LinearLayout.Alignment.Fill, LinearLayout.GrowPolicy.CanGrow));
        return (Panel) new Panel(new BorderLayout()).addComponent(p, BorderLayout.Location.CENTER);
    }

    private void details(Playground playground, Table<String> table) {
        Host h = playground.hosts().get(table.getSelectedRow());
        // one option per line, with bash's line continuations, so the line can be copied whole from a narrow screen
        String command = playground.sshCommand(h).replace(" -o ", " \\\n    -o ").replace(" -p ", " \\\n    -p ")
                .replace(" root@", " \\\n    root@");
        popUp(h.name(), h.description() + "\n\nLog in by hand (esc closes):\n" + command);
    }
}
