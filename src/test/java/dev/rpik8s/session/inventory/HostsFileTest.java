package dev.rpik8s.session.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hosts file as Ansible's INI plugin reads it, and its values as Python's literal_eval does. */
class HostsFileTest {

    private static HostsFile.HostLine hostLine(String line) throws InventoryException {
        return (HostsFile.HostLine) HostsFile.parse("[workers]\n" + line + "\n").get(0).entries().get(0);
    }

    @Test
    void sectionsOfHostsChildrenAndVarsWithTheirLines() throws InventoryException {
        List<HostsFile.Section> sections = HostsFile.parse("# comment\n; another\n[masters]  # trailing\npi-1\n\n[k8s:children]\nmasters # the masters\n"
                + "[k8s:vars]\nhttp_proxy = http://p:3128 # kept: Ansible keeps it too\n");
        assertEquals(List.of("masters", "k8s", "k8s"), sections.stream().map(HostsFile.Section::group).toList());
        assertEquals(List.of(HostsFile.Kind.HOSTS, HostsFile.Kind.CHILDREN, HostsFile.Kind.VARS), sections.stream().map(HostsFile.Section::kind).toList());
        assertEquals(new HostsFile.ChildLine("masters", 7), sections.get(1).entries().get(0));
        assertEquals(new HostsFile.Var("http_proxy", "http://p:3128 # kept: Ansible keeps it too", "http://p:3128 # kept: Ansible keeps it too", 9),
                sections.get(2).entries().get(0));
    }

    @Test
    void aFileFromWindowsReadsTheSame() throws InventoryException {
        assertEquals(HostsFile.parse("[masters]\npi-1\n"), HostsFile.parse("\uFEFF[masters]\r\npi-1\r\n"));
    }

    @Test
    void aHostLineIsSplitLikeAShellLineAndKeepsItsValuesAsWritten() throws InventoryException {
        HostsFile.HostLine line = hostLine("pi-1 ansible_host=10.0.0.1 motd=\"up and running\" secret='03#pa33' k='it''s' # comment");
        assertEquals(List.of("pi-1"), line.names());
        assertEquals(List.of("ansible_host", "motd", "secret", "k"), line.vars().stream().map(HostsFile.Var::key).toList());
        assertEquals(List.of("10.0.0.1", "\"up and running\"", "'03#pa33'", "'it''s'"), line.vars().stream().map(HostsFile.Var::raw).toList());
        assertEquals(List.of("10.0.0.1", "up and running", "03#pa33", "its"), line.vars().stream().map(HostsFile.Var::value).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pi-[1:3]|pi-1 pi-2 pi-3",
            "pi-[01:03].lan|pi-01.lan pi-02.lan pi-03.lan",
            "node-[a:c]|node-a node-b node-c",
            "pi-[0:6:3]|pi-0 pi-3 pi-6",
            "rack-[a:b]-pi[1:2]|rack-a-pi1 rack-a-pi2 rack-b-pi1 rack-b-pi2",
    })
    void hostRangesExpandAsAnsibleDoes(String pattern, String names) {
        assertEquals(Arrays.asList(names.split(" ")), HostsFile.expand(pattern));
    }

    @Test
    void aPortAfterTheHostIsItsAnsiblePort() throws InventoryException {
        HostsFile.HostLine line = hostLine("pi-[1:2]:2222");
        assertEquals(List.of("pi-1", "pi-2"), line.names());
        assertEquals(new HostsFile.Var("ansible_port", "2222", "2222", 2), line.vars().get(0));
    }

    @Test
    void whatAnsibleWouldRefuseIsRefusedWithItsLine() {
        assertEquals("hosts:2: [k8s:kids]: Ansible knows sections of hosts, :children and :vars, not :kids.",
                assertThrows(InventoryException.class, () -> HostsFile.parse("[masters]\n[k8s:kids]\n")).getMessage());
        assertEquals("hosts:2: 'user' after host pi-1 is not key=value.",
                assertThrows(InventoryException.class, () -> HostsFile.parse("[masters]\npi-1 user\n")).getMessage());
        assertEquals("hosts:2: a \" quote is not closed on this line.",
                assertThrows(InventoryException.class, () -> HostsFile.parse("[masters]\npi-1 motd=\"up\n")).getMessage());
        assertEquals("hosts:2: 'novalue' is not key=value, which a :vars section holds.",
                assertThrows(InventoryException.class, () -> HostsFile.parse("[all:vars]\nnovalue\n")).getMessage());
        assertEquals("hosts:2: host range [3:1] is empty: its start is after its end.",
                assertThrows(InventoryException.class, () -> HostsFile.parse("[masters]\npi-[3:1]\n")).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://10.0.0.1:3128|http://10.0.0.1:3128",
            "'1.20'|1.20",
            "1.20|1.20",
            "\"a b\"  # comment|a b",
            "[ 'registry.lan:5000', \"other\" ]|[registry.lan:5000, other]",
            "['*.lan', '10/8']|[*.lan, 10/8]",
            "False|false",
            "flannel # not a comment to literal_eval|flannel # not a comment to literal_eval",
    })
    void valuesAreReadAsLiteralEvalReadsThem(String text, String read) {
        assertEquals(read, String.valueOf(IniValue.parse(text)));
    }

    @Test
    void valuesAreWrittenSoThatLiteralEvalReadsThemBack() {
        assertEquals("http://10.0.0.1:3128", IniValue.format("http://10.0.0.1:3128"));
        assertEquals("10.42.1.11", IniValue.format("10.42.1.11"), "not a number to Python");
        assertEquals("'1.20'", IniValue.format("1.20"));
        assertEquals("'True'", IniValue.format("True"));
        assertEquals("2222", IniValue.format(2222));
        assertEquals("False", IniValue.format(false));
        assertEquals("['registry.lan', 'it\\'s']", IniValue.format(List.of("registry.lan", "it's")));
        assertEquals("\"['rack=a', 'disk=ssd']\"", IniValue.onHostLine(List.of("rack=a", "disk=ssd")));
        assertEquals(List.of("rack=a", "disk=ssd"), IniValue.parse("['rack=a', 'disk=ssd']"));
    }
}
