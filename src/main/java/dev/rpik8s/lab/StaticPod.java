package dev.rpik8s.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The parts of a static-pod manifest the kubelet emulator needs: names, image, the first container's argv. */
record StaticPod(String podName, String containerName, String image, List<String> argv) {

    /** Parses a manifest; throws IllegalArgumentException when it is not a pod with a container. */
    static StaticPod parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
        Map<?, ?> pod = map(doc, "manifest");
        Map<?, ?> metadata = map(pod.get("metadata"), "metadata");
        Map<?, ?> spec = map(pod.get("spec"), "spec");
        if (!(spec.get("containers") instanceof List<?> containers) || containers.isEmpty()) {
            throw new IllegalArgumentException("spec.containers is empty");
        }
        Map<?, ?> container = map(containers.get(0), "spec.containers[0]");
        List<String> argv = new ArrayList<>();
        argv.addAll(strings(container.get("command")));
        argv.addAll(strings(container.get("args")));
        return new StaticPod(string(metadata.get("name"), "metadata.name"), string(container.get("name"), "container name"),
                container.get("image") == null ? "" : container.get("image").toString(), List.copyOf(argv));
    }

    /** True for the pods the lab runs for real (the etcd binary). */
    boolean runsEtcd() {
        return !argv.isEmpty() && (argv.get(0).equals("etcd") || argv.get(0).endsWith("/etcd"));
    }

    /**
     * The etcd command the lab runs for this manifest. The one deviation from the manifest: all the lab's Pis
     * share this machine's network namespace, so 127.0.0.1 in a listen URL would be shared by every Pi; it is
     * replaced by the Pi's own address. Flags of etcd 3.5/3.6 that the lab's etcd 3.4 names differently are
     * translated to their 3.4 spelling.
     */
    static List<String> etcdArgv(List<String> command, String address) {
        List<String> out = new ArrayList<>();
        for (String arg : command) {
            if (arg.startsWith("--listen-client-urls=") || arg.startsWith("--listen-peer-urls=")
                    || arg.startsWith("--listen-metrics-urls=")) {
                out.add(dedupUrls(arg.replace("127.0.0.1", address)));
            } else if (arg.equals("--feature-gates=InitialCorruptCheck=true")) {
                out.add("--experimental-initial-corrupt-check=true");
            } else if (arg.startsWith("--watch-progress-notify-interval=")) {
                out.add("--experimental-" + arg.substring(2));
            } else {
                out.add(arg);
            }
        }
        return out;
    }

    /** "--x=https://a:2379,https://a:2379" (127.0.0.1 and the address both became the address) keeps one. */
    private static String dedupUrls(String flag) {
        int eq = flag.indexOf('=');
        List<String> urls = new ArrayList<>();
        for (String u : flag.substring(eq + 1).split(",")) {
            if (!urls.contains(u)) {
                urls.add(u);
            }
        }
        return flag.substring(0, eq + 1) + String.join(",", urls);
    }

    private static Map<?, ?> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(what + " is not a mapping");
    }

    private static String string(Object o, String what) {
        if (o == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return o.toString();
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) {
                out.add(String.valueOf(x));
            }
        }
        return out;
    }
}
