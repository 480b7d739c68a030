package dev.rpik8s.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

    @TempDir
    Path wizards;

    @Test
    void aMissingValueIsAnErrorNamingTemplateLineAndValue() {
        Templates t = new ScratchTemplates(wizards).with("kubelet/config.yaml", "kind: KubeletConfiguration\n"
                + "cgroupDriver: {{ driver }}\n").templates();
        RenderFailed e = assertThrows(RenderFailed.class, () -> t.render("kubelet/config.yaml", Map.of("drvier", "systemd")));
        assertEquals("kubelet/config.yaml, line 2: no value for 'driver' (given: drvier)", e.getMessage());
    }

    @Test
    void aMissingAttributeIsAnErrorToo() {
        Templates t = new ScratchTemplates(wizards).with("hosts.txt", "{{ host.name }}\n").templates();
        RenderFailed e = assertThrows(RenderFailed.class, () -> t.render("hosts.txt", Map.of("host", Map.of("address", "10.0.0.2"))));
        assertTrue(e.getMessage().startsWith("hosts.txt, line 1: "), e.getMessage());
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
    }

    @Test
    void nothingIsEscapedAndNewlinesStayAsWritten() throws RenderFailed {
        Templates t = new ScratchTemplates(wizards).with("daemon.json",
                "{\"exec-opts\": [\"{{ opt }}\"]}\n{% if on %}\nyes\n{% endif %}\n").templates();
        assertEquals("{\"exec-opts\": [\"<a & \"b\"> 'c'\"]}\n\nyes\n\n",
                t.render("daemon.json", Map.of("opt", "<a & \"b\"> 'c'", "on", true)).text());
    }

    @Test
    void aFileUnderWizardsTemplatesShadowsTheBundledOne() throws RenderFailed {
        Map<String, Object> values = Map.of("host", Map.of("hostname", "pi-1", "cgroupWords", List.of("cgroup_enable=memory")));
        Rendered bundled = Templates.bundled().render("host-prep/hostname.sh", values);
        assertEquals("bundled", bundled.from());

        Templates t = new ScratchTemplates(wizards).with("host-prep/hostname.sh", "hostnamectl hostname {{ host.hostname | sh }}\n")
                .templates();
        Rendered shadowed = t.render("host-prep/hostname.sh", values);
        assertEquals("hostnamectl hostname 'pi-1'\n", shadowed.text());
        assertEquals(wizards.resolve("templates/host-prep/hostname.sh").toAbsolutePath().toString(), shadowed.from());
        assertEquals("host-prep/hostname.sh", shadowed.template());
        assertEquals("bundled", t.render("host-prep/cmdline-cgroups.sh", values)
                .from(), "a template not shadowed still comes from the jar");
    }

    @Test
    void anUnknownTemplateSaysWhereItWasLookedFor() {
        RenderFailed e = assertThrows(RenderFailed.class, () -> Templates.overriddenBy(wizards).render("nope.sh", Map.of()));
        assertTrue(e.getMessage().startsWith("No template nope.sh (looked in " + wizards.toAbsolutePath()), e.getMessage());
    }

    @Test
    void aCommandWrittenInAFlowIsRenderedUnderTheRulesOfAScript() throws RenderFailed {
        Templates t = Templates.bundled();
        Rendered r = t.renderCommand("test.yaml, step name, check", "test \"$(hostname)\" = {{ host.hostname | sh }}",
                Map.of("host", Map.of("hostname", "pi 1")));
        assertEquals("test \"$(hostname)\" = 'pi 1'", r.text());
        assertEquals("flow", r.from());

        RenderFailed unquoted = assertThrows(RenderFailed.class, () -> t.renderCommand("test.yaml, step name, action",
                "echo ok\nhostnamectl hostname {{ name }}", Map.of("name", "pi")));
        assertTrue(unquoted.getMessage().startsWith("test.yaml, step name, action, line 2: a value without | sh"),
                unquoted.getMessage());
        RenderFailed missing = assertThrows(RenderFailed.class, () -> t.renderCommand("test.yaml, step name, verify",
                "test -f {{ path | sh }}", Map.of()));
        assertEquals("test.yaml, step name, verify, line 1: no value for 'path' (given: none)", missing.getMessage());
    }
}
