package dev.rpik8s.wizard.run;

import dev.rpik8s.cluster.PlannedHost;
import dev.rpik8s.cluster.ShellWord;
import dev.rpik8s.remote.RemoteException;
import dev.rpik8s.wizard.flow.HostGroup;
import dev.rpik8s.wizard.flow.Step;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@code copy-files} kind: {@code files} (names under {@code dir}) read on the first host of {@code from} and
 * written on this host with the same bytes and mode, through SFTP (downloaded, then uploaded atomically): the content
 * never is on a command line, in an output or in a log, so keys can move this way (the shared CA of a control plane,
 * runbook B2). A file this host has already with the same SHA-256 is left alone; afterwards every file must have its
 * source's SHA-256 here.
 */
final class CopyFiles implements Work {

    private final HostGroup from;
    private final String dir;
    private final List<String> files;

    private CopyFiles(HostGroup from, String dir, List<String> files) {
        this.from = from;
        this.dir = dir;
        this.files = List.copyOf(files);
    }

    static CopyFiles of(String flowId, Step step) throws RunRefused {
        String word = Works.required(flowId, step, "from");
        HostGroup from = Arrays.stream(HostGroup.values()).filter(g -> g.word().equals(word)).findFirst()
                .orElseThrow(() -> new RunRefused(flowId + ".yaml, step " + step.id() + ": from '" + word
                        + "' is no target word; write first-master, say."));
        String dir = Works.required(flowId, step, "dir");
        if (!dir.startsWith("/")) {
            throw new RunRefused(flowId + ".yaml, step " + step.id() + ": dir '" + dir + "' is not an absolute path.");
        }
        List<String> files = List.of(Works.required(flowId, step, "files").split("\\s+"));
        for (String f : files) {
            if (f.startsWith("/") || List.of(f.split("/")).contains("..")) {
                throw new RunRefused(flowId + ".yaml, step " + step.id() + ": '" + f + "' must be a name under " + dir + ".");
            }
        }
        return new CopyFiles(from, dir.replaceAll("/+$", ""), files);
    }

    @Override
    public void act(HostRun on) throws StepFailed {
        PlannedHost source = from.hosts(on.renderer().plan()).stream().findFirst()
                .orElseThrow(() -> new StepFailed("this plan has no host that is " + from.word() + " to copy from"));
        if (source.address().equals(on.host().address())) {
            throw new StepFailed(on.host().hostname() + " is the host the files come from");
        }
        List<String> paths = files.stream().map(f -> dir + "/" + f).toList();
        String quoted = String.join(" ", paths.stream().map(ShellWord::quote).toList());
        Map<String, Integer> modes = new HashMap<>();
        for (String line : on.runOrFail(source, "reading the modes of the files", "stat -c '%a %n' -- " + quoted).stdout().split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0) {
                modes.put(line.substring(sp + 1).strip(), Integer.parseInt(line.substring(0, sp), 8));
            }
        }
        Map<String, String> here = sums(on, quoted);
        Map<String, String> there = new HashMap<>();
        List<String> copied = new ArrayList<>();
        for (String path : paths) {
            byte[] content;
            try {
                content = on.remoteOf(source).download(path);
            } catch (RemoteException e) {
                throw new StepFailed("reading " + path + " on " + source.hostname() + ": " + e.getMessage());
            }
            try {
                String sha = sha256(content);
                there.put(path, sha);
                if (sha.equals(here.get(path))) {
                    continue;
                }
                String parent = path.substring(0, path.lastIndexOf('/'));
                on.runOrFail("making " + parent, "mkdir -p -- " + ShellWord.quote(parent));
                on.remote().upload(content, path, modes.getOrDefault(path, 0600));
                copied.add(path.substring(dir.length() + 1));
            } catch (RemoteException e) {
                throw new StepFailed("writing " + path + ": " + e.getMessage());
            } finally {
                Arrays.fill(content, (byte) 0);
            }
        }
        Map<String, String> after = sums(on, quoted);
        for (String path : paths) {
            if (!there.get(path).equals(after.get(path))) {
                throw new StepFailed(path + " here has SHA-256 " + after.getOrDefault(path, "(missing)") + ", on "
                        + source.hostname() + " " + there.get(path));
            }
        }
        on.result((copied.isEmpty() ? "nothing copied" : "copied " + String.join(" ", copied)) + " from " + source.hostname()
                + "; all " + paths.size() + " files have its SHA-256");
    }

    /** SHA-256 of the files this host has (a missing one is left out). */
    private static Map<String, String> sums(HostRun on, String quoted) throws StepFailed {
        Map<String, String> sums = new HashMap<>();
        String out = on.runOrFail("reading the checksums here", "for f in " + quoted + "; do if [ -e \"$f\" ]; then sha256sum -- \"$f\"; fi; done").stdout();
        for (String line : out.split("\n")) {
            String[] w = line.strip().split("\\s+", 2);
            if (w.length == 2) {
                sums.put(w[1], w[0]);
            }
        }
        return sums;
    }

    /** As sha256sum prints it: what a copy is checked against on the host it came from. */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
