package dev.rpik8s.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The pod network manifests (templates/kubernetes/cni) render, for a plan's pod CIDR, to the upstream manifest
 * with the CIDR where it must be and nowhere else. The diff rule: the text after the template's header, with the
 * one templated block put back as upstream wrote it, has the SHA-256 of the upstream file, pinned here and named
 * in the header; so nothing else of the upstream text is changed, by us or by Pebble.
 */
class CniManifestsTest {

    private static final String END = "# (end of the rpik8s-tui header: the upstream text follows, changed only where listed above)\n";
    private static final List<String> CIDRS = List.of("10.244.0.0/16", "172.16.0.0/16");
    /** The pod CIDRs the upstream files use or imply, none of which may linger when another is given. */
    private static final List<String> UPSTREAM_DEFAULTS = List.of("10.244.0.0/16", "192.168.0.0/16", "10.32.0.0/12");

    /** One manifest: its upstream text's SHA-256, the block of it that is templated, and that block rendered. */
    private record Cni(String name, String sha256, String upstream, String templated) {
        String rendered(String cidr) {
            return templated.replace("{{ cluster.podCidr }}", cidr);
        }
    }

    private static final List<Cni> MANIFESTS = List.of(
            new Cni("flannel.yaml", "1c06a15a771009c263bdb1f51c928af46f7606fe969f3963652167938d536aaa",
                    "      \"Network\": \"10.244.0.0/16\",\n",
                    "      \"Network\": \"{{ cluster.podCidr }}\",\n"),
            new Cni("calico.yaml", "d6d8a489a4ed8e5b8efd8b339047b496ca657b55ee2e3618e791507b0a853e8d",
                    "            # - name: CALICO_IPV4POOL_CIDR\n            #   value: \"192.168.0.0/16\"\n",
                    "            - name: CALICO_IPV4POOL_CIDR\n              value: \"{{ cluster.podCidr }}\"\n"),
            new Cni("weave.yaml", "16c3a34dc6e073fc5faf439edf50c3e96a72480a8fcf2e5b7f09bc2f7c2b794c",
                    "                      fieldPath: spec.nodeName\n"
                            + "              image: 'weaveworks/weave-kube:2.8.1'\n",
                    "                      fieldPath: spec.nodeName\n"
                            + "                - name: IPALLOC_RANGE\n"
                            + "                  value: \"{{ cluster.podCidr }}\"\n"
                            + "              image: 'weaveworks/weave-kube:2.8.1'\n"));

    @Test
    void eachRendersToTheUpstreamTextExceptThePodCidr() throws Exception {
        for (Cni cni : MANIFESTS) {
            for (String cidr : CIDRS) {
                String text = render(cni, cidr);
                int end = text.indexOf(END);
                assertTrue(end > 0, cni.name() + ": no end of header");
                String header = text.substring(0, end);
                String body = text.substring(end + END.length());

                assertEquals(1, count(body, cni.rendered(cidr)), cni.name() + ": the templated block, once");
                assertEquals(1, count(body, cidr), cni.name() + ": " + cidr + " only where templated");
                for (String other : UPSTREAM_DEFAULTS) {
                    if (!other.equals(cidr)) {
                        assertFalse(body.contains(other), cni.name() + ": " + other + " lingers with " + cidr);
                    }
                }
                String upstream = body.replace(cni.rendered(cidr), cni.upstream());
                assertEquals(cni.sha256(), sha256(upstream), cni.name() + ": the rest is not the upstream text");
                assertTrue(header.contains("SHA-256 of the upstream text: " + cni.sha256()), cni.name());
            }
        }
    }

    @Test
    void eachHeaderNamesSourceVersionCommitAndLicence() {
        for (Cni cni : MANIFESTS) {
            String text = render(cni, CIDRS.get(0));
            String header = text.substring(0, text.indexOf(END));
            for (String line : header.split("\n")) {
                assertTrue(line.startsWith("#"), cni.name() + ": header line not a YAML comment: " + line);
            }
            assertTrue(header.contains("https://"), cni.name() + ": no source URL");
            assertTrue(Pattern.compile("commit [0-9a-f]{40}").matcher(header).find(), cni.name() + ": no commit");
            assertTrue(Pattern.compile("v?\\d+\\.\\d+\\.\\d+").matcher(header).find(), cni.name() + ": no version");
            assertTrue(header.contains("Licence: Apache-2.0"), cni.name() + ": no licence");
        }
    }

    @Test
    void eachIsValidYamlAndEveryObjectHasApiVersionKindAndName() {
        for (Cni cni : MANIFESTS) {
            for (String cidr : CIDRS) {
                List<Map<String, Object>> objects = objects(render(cni, cidr));
                assertFalse(objects.isEmpty(), cni.name());
                for (Map<String, Object> o : objects) {
                    assertInstanceOf(String.class, o.get("apiVersion"), cni.name() + ": " + o.keySet());
                    assertInstanceOf(String.class, o.get("kind"), cni.name() + ": " + o.keySet());
                    Map<?, ?> metadata = assertInstanceOf(Map.class, o.get("metadata"), cni.name() + " " + o.get("kind"));
                    assertInstanceOf(String.class, metadata.get("name"), cni.name() + " " + o.get("kind"));
                }
            }
        }
    }

    @Test
    void theCidrIsWhereEachNetworkReadsIt() throws Exception {
        for (String cidr : CIDRS) {
            Map<String, Object> config = object(render(MANIFESTS.get(0), cidr), "ConfigMap", "kube-flannel-cfg");
            String netConf = (String) ((Map<?, ?>) config.get("data")).get("net-conf.json");
            assertEquals(cidr, new ObjectMapper().readTree(netConf).get("Network").asText());

            Map<String, Object> calico = object(render(MANIFESTS.get(1), cidr), "DaemonSet", "calico-node");
            assertEquals(cidr, env(container(calico, "calico-node"), "CALICO_IPV4POOL_CIDR"));

            Map<String, Object> weave = object(render(MANIFESTS.get(2), cidr), "DaemonSet", "weave-net");
            assertEquals(cidr, env(container(weave, "weave"), "IPALLOC_RANGE"));
            assertEquals(null, env(container(weave, "weave-npc"), "IPALLOC_RANGE"));
        }
    }

    @Test
    void withoutAPodCidrNothingRenders() {
        for (Cni cni : MANIFESTS) {
            RenderFailed e = assertThrows(RenderFailed.class,
                    () -> Templates.bundled().render("kubernetes/cni/" + cni.name(), Map.of("cluster", Map.of())));
            assertTrue(e.getMessage().contains("podCidr"), e.getMessage());
        }
    }

    @Test
    void theOnlyPebbleTagsAreThePodCidr() throws Exception {
        Pattern tag = Pattern.compile("\\{[{%#]");
        for (Cni cni : MANIFESTS) {
            String template = Files.readString(Path.of("src/main/resources/templates/kubernetes/cni", cni.name()));
            Matcher m = tag.matcher(template);
            int tags = 0;
            while (m.find()) {
                assertTrue(template.startsWith("{{ cluster.podCidr }}", m.start()),
                        cni.name() + ": a Pebble tag at offset " + m.start() + " that is not the pod CIDR");
                tags++;
            }
            assertEquals(1, tags, cni.name());
        }
    }

    private static String render(Cni cni, String cidr) {
        try {
            return Templates.bundled().render("kubernetes/cni/" + cni.name(),
                    Map.of("cluster", Map.of("podCidr", cidr))).text();
        } catch (RenderFailed e) {
            throw new AssertionError(cni.name() + " does not render: " + e.getMessage(), e);
        }
    }

    /** Every object of the manifest: each document, and each item of a document of kind List. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(String text) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (doc == null) {
                continue;   // a document of comments only, as Calico's helm output has
            }
            Map<String, Object> map = assertInstanceOf(Map.class, doc);
            if ("List".equals(map.get("kind"))) {
                assertEquals("v1", map.get("apiVersion"));
                for (Object item : assertInstanceOf(List.class, map.get("items"))) {
                    objects.add(assertInstanceOf(Map.class, item));
                }
            } else {
                objects.add(map);
            }
        }
        return objects;
    }

    private static Map<String, Object> object(String text, String kind, String name) {
        return objects(text).stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(((Map<?, ?>) o.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> daemonSet, String name) {
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) daemonSet
                .get("spec")).get("template")).get("spec");
        for (Object c : (List<Object>) pod.get("containers")) {
            if (name.equals(((Map<?, ?>) c).get("name"))) {
                return (Map<String, Object>) c;
            }
        }
        throw new AssertionError("no container " + name);
    }

    private static String env(Map<String, Object> container, String name) {
        Object env = container.get("env");
        assertNotNull(env, "container " + container.get("name") + " has no env");
        for (Object e : (List<?>) env) {
            if (name.equals(((Map<?, ?>) e).get("name"))) {
                return (String) ((Map<?, ?>) e).get("value");
            }
        }
        return null;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
