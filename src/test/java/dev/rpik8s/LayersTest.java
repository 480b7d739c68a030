package dev.rpik8s;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of DESIGN.md, enforced: who may import whom. */
@AnalyzeClasses(packages = "dev.rpik8s", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("cluster").definedBy("dev.rpik8s.cluster..")
            .layer("advice").definedBy("dev.rpik8s.advice..")
            .layer("remote").definedBy("dev.rpik8s.remote..")
            .layer("discovery").definedBy("dev.rpik8s.discovery..")
            .layer("render").definedBy("dev.rpik8s.render..")
            .layer("etcd").definedBy("dev.rpik8s.etcd..")
            .layer("session").definedBy("dev.rpik8s.session..")
            .layer("wizard").definedBy("dev.rpik8s.wizard..")
            .layer("ui").definedBy("dev.rpik8s.tui..", "dev.rpik8s.plain..")
            .layer("lab").definedBy("dev.rpik8s.lab..")
            .layer("cli").definedBy("dev.rpik8s.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("lab").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("wizard").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("discovery").mayOnlyBeAccessedByLayers("wizard", "cli")
            .whereLayer("etcd").mayOnlyBeAccessedByLayers("wizard", "cli")
            .whereLayer("advice").mayOnlyBeAccessedByLayers("wizard", "cli")
            .whereLayer("render").mayOnlyBeAccessedByLayers("wizard", "cli")
            .whereLayer("session").mayOnlyBeAccessedByLayers("wizard", "cli")
            .whereLayer("remote").mayOnlyBeAccessedByLayers("discovery", "etcd", "wizard", "cli")
            .whereLayer("cluster").mayOnlyBeAccessedByLayers("advice", "remote", "discovery", "render",
                    "session", "wizard", "cli");

    @ArchTest
    static final ArchRule labIsSelfContained = noClasses().that().resideInAPackage("dev.rpik8s.lab..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.rpik8s.cluster..", "dev.rpik8s.advice..", "dev.rpik8s.remote..", "dev.rpik8s.discovery..",
                    "dev.rpik8s.render..", "dev.rpik8s.etcd..", "dev.rpik8s.session..", "dev.rpik8s.wizard..",
                    "dev.rpik8s.tui..", "dev.rpik8s.plain..", "dev.rpik8s.cli..");

    @ArchTest
    static final ArchRule onlyTheFullScreenUiDraws = noClasses().that().resideOutsideOfPackages("dev.rpik8s.tui..", "dev.rpik8s.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..");

    @ArchTest
    static final ArchRule onlyThePlainUiReadsLines = noClasses().that().resideOutsideOfPackages("dev.rpik8s.plain..", "dev.rpik8s.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.jline..");

    @ArchTest
    static final ArchRule sshServersOnlyInTheLab = noClasses().that().resideOutsideOfPackage("dev.rpik8s.lab..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.sshd.server..", "org.apache.sshd.sftp.server..");

    @ArchTest
    static final ArchRule noHostKeyAcceptsEverything = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("net.schmizz.sshj.transport.verification.PromiscuousVerifier");
}
