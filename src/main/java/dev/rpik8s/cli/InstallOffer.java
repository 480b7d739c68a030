package dev.rpik8s.cli;

import dev.rpik8s.lab.LabPrerequisites;
import dev.rpik8s.lab.LabPrerequisites.Missing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Names what is missing on this machine and offers to install it the way the test script does:
 * with apt-get when we are root and someone is there to say yes; otherwise the one line to run.
 */
final class InstallOffer {

    private final boolean root;
    private final boolean interactive;
    private final ToIntFunction<List<String>> runner;

    InstallOffer(boolean root, boolean interactive, ToIntFunction<List<String>> runner) {
        this.root = root;
        this.interactive = interactive;
        this.runner = runner;
    }

    /** The real machine: root when uid 0, interactive when there is a console, apt-get run with the terminal. */
    static InstallOffer forThisMachine() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return new InstallOffer(root, System.console() != null, argv -> {
            try {
                return new ProcessBuilder(argv).inheritIO().start().waitFor();
            } catch (IOException e) {
                return 127;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        });
    }

    /** The lab's prerequisites on this machine, offered for install when missing; true when the lab can start. */
    static boolean forLab(String purpose, PrintWriter out) {
        LabPrerequisites check = LabPrerequisites.check();
        if (check.obstacle().isPresent()) {
            out.println(purpose + " " + check.obstacle().get());
            return false;
        }
        try {
            BufferedReader in = new BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset()));
            return forThisMachine().offer(purpose, check.missing(), in, out);
        } catch (IOException e) {
            out.println(e.getMessage());
            return false;
        }
    }

    /** @return true when nothing is missing any more */
    boolean offer(String purpose, List<Missing> missing, BufferedReader in, PrintWriter out) throws IOException {
        if (missing.isEmpty()) {
            return true;
        }
        List<String> packages = new ArrayList<>(new LinkedHashSet<>(missing.stream().map(Missing::debianPackage).toList()));
        String line = "apt-get install -y " + String.join(" ", packages);
        out.println(purpose + " needs what this machine lacks:");
        for (Missing m : missing) {
            out.printf("  %-10s (Debian package %s)%n", m.what(), m.debianPackage());
        }
        if (!root) {
            out.println("Install it with:  sudo " + line);
            return false;
        }
        if (!interactive) {
            out.println("Install it with:  " + line + "   (nobody is at the terminal to agree, so nothing was installed)");
            return false;
        }
        out.print("Install it now with '" + line + "'? [y/N] ");
        out.flush();
        String answer = in.readLine();
        if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
            out.println("Nothing installed. Run '" + line + "' yourself when you are ready.");
            return false;
        }
        List<String> update = List.of("apt-get", "update");
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y"));
        install.addAll(packages);
        if (runner.applyAsInt(update) != 0 || runner.applyAsInt(install) != 0) {
            out.println("apt-get did not finish; its messages are above. Nothing else was changed.");
            return false;
        }
        return true;
    }
}
