package org.labourgraph.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Imports flow one way (ARCHITECTURE.md): cli → web → sparql/render/store/validate → source/model/vocab.
 * The lower layers never reach up; records stay free of Jena and servlets; RDF4J stays in export. The benchmarks
 * (src/bench/, built into their own jar) are not production code: these classes are the served jar's.
 */
class PackageDependenciesTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.labourgraph");
    }

    @Test
    void only_the_entry_point_uses_the_command_line_package() {
        noClasses().that().resideOutsideOfPackages("org.labourgraph.cli..").and().doNotHaveFullyQualifiedName("org.labourgraph.Main")
                .should().dependOnClassesThat().resideInAPackage("org.labourgraph.cli..").check(classes);
    }

    @Test
    void store_sparql_validate_and_source_never_import_the_web_layer() {
        noClasses().that().resideInAnyPackage("org.labourgraph.store..", "org.labourgraph.sparql..", "org.labourgraph.validate..",
                        "org.labourgraph.source..", "org.labourgraph.model..", "org.labourgraph.vocab..", "org.labourgraph.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.labourgraph.web..", "org.labourgraph.cli..")
                .check(classes);
    }

    @Test
    void the_source_and_vocabulary_layers_depend_on_nothing_above_them() {
        noClasses().that().resideInAnyPackage("org.labourgraph.source..", "org.labourgraph.vocab..")
                .should().dependOnClassesThat().resideInAnyPackage("org.labourgraph.store..", "org.labourgraph.sparql..",
                        "org.labourgraph.validate..", "org.labourgraph.web..", "org.labourgraph.export..")
                .check(classes);
    }

    @Test
    void templates_render_records_only_never_the_store_the_queries_or_the_web_layer() {
        noClasses().that().resideInAPackage("org.labourgraph.render..")
                .should().dependOnClassesThat().resideInAnyPackage("org.labourgraph.web..", "org.labourgraph.sparql..",
                        "org.labourgraph.store..", "org.labourgraph.cli..", "org.apache.jena..", "jakarta.servlet..",
                        "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void the_query_layer_never_imports_the_templates() {
        noClasses().that().resideInAnyPackage("org.labourgraph.sparql..", "org.labourgraph.store..", "org.labourgraph.model..")
                .should().dependOnClassesThat().resideInAPackage("org.labourgraph.render..")
                .check(classes);
    }

    @Test
    void records_for_pages_know_nothing_of_jena_or_servlets() {
        noClasses().that().resideInAPackage("org.labourgraph.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.jena..", "jakarta.servlet..", "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void rdf4j_lives_in_the_export_package_only() {
        noClasses().that().resideOutsideOfPackage("org.labourgraph.export..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.rdf4j..")
                .check(classes);
    }

    @Test
    void the_served_classes_hold_no_benchmark() {
        noClasses().should().resideInAPackage("org.labourgraph.bench..").check(classes);
    }

    @Test
    void production_code_never_imports_the_benchmarks() {
        noClasses().that().resideOutsideOfPackage("org.labourgraph.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.labourgraph.bench..").check(classes);
    }

    /**
     * The web layer by subsystem: the root package wires the server; browse, curation, history, endpoint and interop
     * each serve their part of the site; site holds what they share (routes, content negotiation, error pages,
     * caching headers). History builds on curation (it records the edits) and both on browse (their pages are
     * resource pages); nothing reaches back up, and site depends on none of them.
     */
    @Test
    void web_subsystems_depend_on_each_other_one_way() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Wiring").definedBy("org.labourgraph.web")
                .layer("History").definedBy("org.labourgraph.web.history..")
                .layer("Curation").definedBy("org.labourgraph.web.curation..")
                .layer("Browse").definedBy("org.labourgraph.web.browse..")
                .layer("Endpoint").definedBy("org.labourgraph.web.endpoint..")
                .layer("Interop").definedBy("org.labourgraph.web.interop..")
                .layer("Site").definedBy("org.labourgraph.web.site..")
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("History").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Curation").mayOnlyBeAccessedByLayers("Wiring", "History")
                .whereLayer("Browse").mayOnlyBeAccessedByLayers("Wiring", "Curation", "History")
                .whereLayer("Endpoint").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Interop").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Site").mayOnlyBeAccessedByLayers("Wiring", "History", "Curation", "Browse", "Endpoint", "Interop")
                .check(classes);
    }

    @Test
    void web_subsystems_hold_no_cycle() {
        slices().matching("org.labourgraph.web.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void there_is_no_util_grab_bag() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helpers..").check(classes);
    }
}
