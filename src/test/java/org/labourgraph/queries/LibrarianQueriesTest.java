package org.labourgraph.queries;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every librarian query of {@code queries/} against the served dataset (named graph per source
 * file, default graph = union + RDFS entailment) and checks its answer.
 */
class LibrarianQueriesTest {

    // IRIs of the project (docs/ARCHITECTURE.md, "Prefixes").
    static final String LG = "https://w3id.org/labourgraph/ontology#";
    static final String LGC = "https://w3id.org/labourgraph/id/concept/";
    static final String LGP = "https://w3id.org/labourgraph/id/person/";
    static final String LGW = "https://w3id.org/labourgraph/id/work/";
    static final String LGPL = "https://w3id.org/labourgraph/id/place/";
    static final String LGO = "https://w3id.org/labourgraph/id/organisation/";
    static final String LGPR = "https://w3id.org/labourgraph/id/product/";
    static final String LGG = "https://w3id.org/labourgraph/graph/";
    static final String TIME = "http://www.w3.org/2006/time#";
    static final String TOP = LGC + "digital-labour";
    static final String NOTE = "https://w3id.org/labourgraph/id/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E";

    // Verbatim from the founding note.
    static final String NOTE_TITLE = "L'entraînement des algorithmes et robots repose l'exploitation du travail digital";
    static final String NOTE_URL = "https://praxis.encommun.io/en/n/CuDk_xb7q0uXBEV4X_ekAxRe9-E/";
    static final String GHOST_WORK_TITLE = "Ghost Work: How to Stop Silicon Valley from Building a New Global Underclass";
    static final String VENTURE_LABOR_TITLE = "Venture Labor: Work and the Burden of Risk in Innovative Industries";

    /**
     * The concepts of the broader tree under digital labour, as the note gives it (issue #22): its three tiers, the
     * tasks labourgraph places in tier 1, and what the note names beside the tiers (freelancers, prompt engineers).
     */
    static final List<String> TREE_CONCEPTS = Stream.of(
                    "digital-labour", "ghost-work", "content-moderation", "data-labelling", "social-network-labour",
                    "venture-labour", "freelancing", "prompt-engineering")
            .map(slug -> LGC + slug).toList();

    /** The members of the two editorial collections: concepts the note uses, which are not kinds of digital labour. */
    static final List<String> COLLECTION_MEMBERS = Stream.of(
                    "piecework-pay", "underpayment", "unpaid-labour", "precarity", "outsourcing", "task-fragmentation",
                    "platform-dependence", "algorithmic-capital", "labour-exploitation", "algorithm-training",
                    "value-chain", "wage-labour", "labour-aristocracy")
            .map(slug -> LGC + slug).toList();

    /** Retired concepts: other names of tier 1, kept resolvable and replaced by ghost work. */
    static final List<String> RETIRED_CONCEPTS = concepts("micro-work", "click-work");

    /** The concepts the ontology guide and the note require: the tree, the collections' members and the retired concepts. */
    static final List<String> REQUIRED_CONCEPTS = Stream.of(TREE_CONCEPTS, COLLECTION_MEMBERS, RETIRED_CONCEPTS)
            .flatMap(List::stream).toList();

    /** The two editorial collections (skos:Collection, lg:Facet), outside the broader tree. */
    static final List<String> COLLECTIONS = concepts("conditions-of-digital-labour", "political-economy-of-digital-labour");

    /** Every query file and, by its name, the test method below that checks its answer. */
    static final List<String> QUERY_FILES = List.of(
            "01-concepts-by-tier.rq",
            "02-narrower-transitive-of-digital-labour.rq",
            "03-coined-terms.rq",
            "04-works-discussing-a-concept.rq",
            "05-qc-concepts-lacking-a-definition.rq",
            "06-pay-figures.rq",
            "07-note-citation.rq",
            "08-persons-and-their-works.rq",
            "09-labels-and-synonyms.rq",
            "10-find-a-concept-by-any-label.rq",
            "11-related-concepts.rq",
            "12-concept-hierarchy.rq",
            "13-places.rq",
            "14-organisations-and-products.rq",
            "15-concept-counts-per-tier-and-facet.rq",
            "16-standard-terms-coined-in-a-work.rq",
            "17-quoted-passage.rq",
            "18-provenance-of-a-concept.rq",
            "19-qc-concepts-outside-the-hierarchy.rq",
            "20-qc-missing-or-ambiguous-labels.rq");

    static final Path ROOT = QueryFile.projectRoot();
    static Map<String, Model> sources;
    static Dataset served;

    @BeforeAll
    static void loadServedDataset() {
        sources = ServedGraphFixture.readSourceGraphs(ROOT);
        served = ServedGraphFixture.served(sources);
    }

    // ---------------------------------------------------------------------------------------------
    // Every file

    static Stream<QueryFile> queryFiles() {
        return QueryFile.all(ROOT).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryFiles")
    void every_query_parses_has_its_headers_and_answers(QueryFile file) {
        assertTrue(file.name().matches("\\d\\d-[a-z0-9]+(-[a-z0-9]+)*\\.rq"),
                file.name() + ": name must be NN-short-name.rq");
        assertEquals(List.of(), file.layoutProblems(), file.name() + ": header or PREFIX lines");
        Query query;
        try {
            query = file.parse();
        } catch (QueryParseException e) {
            throw new AssertionError(file.name() + " does not parse as SPARQL 1.1: " + e.getMessage(), e);
        }
        assertTrue(query.isSelectType(), file.name() + ": librarian queries are SELECT queries");
        List<QuerySolution> rows = select(served, query);
        if (file.expectsEmpty()) {
            assertEquals(List.of(), rows, file.name() + " is a quality-control query: clean data must give no rows");
        } else {
            assertFalse(rows.isEmpty(), file.name() + " returned no rows");
        }
    }

    @Test
    void every_query_file_is_numbered_and_has_its_expectation_here() {
        List<String> found = QueryFile.all(ROOT).stream().map(QueryFile::name).toList();
        assertEquals(QUERY_FILES, found, "queries/ and the list of checked queries in this test differ");
        List<String> numbers = found.stream().map(name -> name.substring(0, 2)).toList();
        List<String> expected = IntStream.rangeClosed(1, found.size()).mapToObj(i -> String.format("%02d", i)).toList();
        assertEquals(expected, numbers, "query files are numbered 01, 02, … without gaps");
    }

    @Test
    void the_layout_check_names_missing_headers_and_wrong_or_unused_prefixes() {
        QueryFile bad = new QueryFile(Path.of("99-bad.rq"), """
                # title (en): A title
                # description (en): the French title is missing
                PREFIX skos: <http://www.w3.org/2004/02/skos/core>
                PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                PREFIX ex: <http://example.org/>
                SELECT ?c WHERE { ?c skos:prefLabel ?l . ?c ex:p ?o }
                """);
        assertEquals(List.of(
                "line 2 must start with '# titre (fr) :'",
                "line 3 must start with '# description (en):'",
                "line 4 must start with '# description (fr) :'",
                "prefix 'skos:' is <http://www.w3.org/2004/02/skos/core>, the project prefix table has <http://www.w3.org/2004/02/skos/core#>",
                "prefix 'foaf:' is declared but not used",
                "prefix 'ex:' is not one of the project's prefixes"), bad.layoutProblems());
        assertFalse(bad.expectsEmpty());
    }

    // ---------------------------------------------------------------------------------------------
    // One test per query

    @Test
    void labour_forms_are_listed_by_tier_with_ghost_work_and_its_tasks_in_tier_one_and_the_elite_alone_in_tier_three() {
        // Issue #22: micro-work and click work are names of ghost work (retired as concepts); freelancers,
        // prompt engineers and the labour aristocracy are in no tier of the note.
        List<QuerySolution> rows = run("01-concepts-by-tier.rq");
        assertAll(
                () -> assertEquals(Set.copyOf(concepts("ghost-work", "content-moderation", "data-labelling")),
                        column(where(rows, "rank", "1"), "concept"), () -> "tier 1: " + rows),
                () -> assertEquals(Set.of(LGC + "social-network-labour"), column(where(rows, "rank", "2"), "concept"),
                        () -> "tier 2: " + rows),
                () -> assertEquals(Set.of(LGC + "venture-labour"), column(where(rows, "rank", "3"), "concept"),
                        () -> "tier 3: " + rows),
                () -> assertEquals(rows.size(), column(rows, "concept").size(), "a labour form has exactly one tier"),
                () -> assertEquals(Set.of("1", "2", "3"), column(rows, "rank"), "the note's three tiers"),
                () -> assertEquals(List.of(), missing(rows, "tier_en", "tier_fr", "label_en", "label_fr"),
                        "labels in both languages"),
                () -> assertEquals(sorted(ints(rows, "rank")), ints(rows, "rank"), "ordered by rank"));
    }

    @Test
    void narrower_transitive_of_digital_labour_holds_the_tree_and_no_collection_member_or_retired_concept() {
        // Issue #22: the editorial collections' members (wage labour, precarity…) are not kinds of digital labour,
        // and the retired micro-work and click work are in no tree.
        List<QuerySolution> rows = run("02-narrower-transitive-of-digital-labour.rq");
        Set<String> below = column(rows, "concept");
        Set<String> inScheme = column(select(served, """
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT DISTINCT ?concept WHERE {
                  { ?concept a skos:Concept } UNION { ?concept skos:inScheme <%s> }
                }""".formatted(LGC + "scheme")), "concept");
        Set<String> expected = new TreeSet<>(TREE_CONCEPTS);
        expected.remove(TOP);
        Set<String> outside = new TreeSet<>(inScheme);
        outside.removeAll(TREE_CONCEPTS);
        Map<String, String> depth = map(rows, "concept", "depth");
        assertAll(
                () -> assertTrue(inScheme.containsAll(REQUIRED_CONCEPTS), () -> "required concepts missing: "
                        + REQUIRED_CONCEPTS.stream().filter(c -> !inScheme.contains(c)).toList()),
                () -> assertEquals(expected, new TreeSet<>(below), "the tree's concepts but the top one lie below it"),
                () -> assertEquals(new TreeSet<>(Stream.concat(COLLECTION_MEMBERS.stream(), RETIRED_CONCEPTS.stream()).toList()),
                        outside, "every other concept of the scheme is a collection member or retired"),
                () -> assertEquals(rows.size(), below.size(), "one row per concept"),
                () -> assertEquals("1", depth.get(LGC + "ghost-work")),
                () -> assertEquals("1", depth.get(LGC + "venture-labour")),
                () -> assertEquals("1", depth.get(LGC + "freelancing")),
                () -> assertEquals("1", depth.get(LGC + "prompt-engineering")),
                () -> assertEquals("2", depth.get(LGC + "content-moderation")),
                () -> assertEquals(List.of(), missing(rows, "label_en", "label_fr"), "labels in both languages"),
                () -> assertEquals(sorted(ints(rows, "depth")), ints(rows, "depth"), "ordered by depth"));
    }

    @Test
    void coined_terms_name_their_work_year_and_authors() {
        // Issue #22: the note says Gray and Suri coined « ghost work », but only that « venture labor » is Gina
        // Neff's expression in her book, not that she coined it: no coinage is recorded for venture labour.
        List<QuerySolution> rows = run("03-coined-terms.rq");
        assertEquals(Set.of(
                        LGC + "ghost-work | " + GHOST_WORK_TITLE + " | 2019 | Mary L. Gray",
                        LGC + "ghost-work | " + GHOST_WORK_TITLE + " | 2019 | Siddharth Suri"),
                tuples(rows, "concept", "title", "year", "coinerName"), "coined term | work | year | coiner");
        assertEquals(2, rows.size(), () -> "one row per coiner: " + rows);
        assertEquals(List.of(), missing(rows, "term_en", "term_fr", "coiner"), "terms labelled in both languages");
    }

    @Test
    void works_discussing_ghost_work_include_the_note_and_not_unrelated_books() {
        List<QuerySolution> rows = run("04-works-discussing-a-concept.rq");
        Map<String, String> creators = map(rows, "work", "creators");
        assertAll(
                () -> assertTrue(creators.containsKey(NOTE), () -> "the note discusses ghost work: " + rows),
                () -> assertEquals("Jonathan Durand Folco", creators.get(NOTE)),
                () -> assertEquals(NOTE_TITLE, map(rows, "work", "title").get(NOTE)),
                () -> assertTrue(map(rows, "work", "aboutConcepts").get(NOTE).contains("ghost work"),
                        () -> "the note is about ghost work itself: " + rows),
                () -> assertFalse(creators.containsKey(LGW + "venture-labor"), "Venture Labor is not about ghost work"),
                () -> assertEquals(List.of(), missing(rows, "title", "kind_en"), "every work has a title and a kind"));
    }

    @Test
    void no_concept_lacks_an_english_or_french_definition() {
        assertEquals(List.of(), run("05-qc-concepts-lacking-a-definition.rq"));
    }

    @Test
    void a_missing_definition_is_reported_with_its_language() {
        Resource ghostWork = concept("ghost-work");
        Dataset defective = withDefect(graphs -> graphs.values().forEach(model -> model.remove(
                model.listStatements(ghostWork, SKOS.definition, (RDFNode) null)
                        .filterKeep(s -> s.getObject().isLiteral() && s.getLiteral().getLanguage().startsWith("en"))
                        .toList())));
        List<QuerySolution> rows = run(defective, "05-qc-concepts-lacking-a-definition.rq");
        assertEquals(Set.of(ghostWork.getURI() + " | en"), tuples(rows, "concept", "missingLanguage"));
    }

    @Test
    void pay_figures_give_amount_currency_unit_comparison_earner_and_places() {
        List<QuerySolution> rows = run("06-pay-figures.rq");
        QuerySolution annual = single(where(rows, "unit", TIME + "unitYear"), "one yearly pay figure");
        QuerySolution hourly = single(where(rows, "unit", TIME + "unitHour"), "one hourly pay figure");
        assertAll(
                () -> assertEquals(0, new BigDecimal("300000").compareTo(decimal(annual, "amount")), "prompt engineers' pay"),
                () -> assertEquals("USD", v(annual, "currency")),
                () -> assertEquals("per year", v(annual, "per_en")),
                () -> assertEquals(LGC + "prompt-engineering", v(annual, "earnedBy")),
                () -> assertEquals(0, new BigDecimal("2").compareTo(decimal(hourly, "amount")), "click-workers' pay"),
                () -> assertEquals("USD", v(hourly, "currency")),
                () -> assertEquals("per hour", v(hourly, "per_en")),
                () -> assertEquals("de l'heure", v(hourly, "per_fr")),
                () -> assertEquals(LG + "LessThan", v(hourly, "comparison"), "under 2 USD an hour"),
                () -> assertNotNull(v(hourly, "comparison_en"), "the comparison is labelled"),
                () -> assertEquals(LGC + "ghost-work", v(hourly, "earnedBy"), "the click workers of tier 1"),
                () -> assertTrue(split(v(hourly, "places_en"), ", ").containsAll(Set.of("Madagascar", "Kenya")),
                        () -> "workers located in Madagascar and Kenya: " + v(hourly, "places_en")),
                () -> assertTrue(String.valueOf(v(hourly, "interpretation_en")).contains("USD"),
                        "the USD reading of the note's '$' is marked as labourgraph's interpretation"),
                () -> assertTrue(String.valueOf(v(annual, "interpretation_en")).contains("USD"),
                        "the USD reading of the note's '$' is marked as labourgraph's interpretation"),
                () -> assertEquals(NOTE_TITLE, v(hourly, "statedIn")),
                () -> assertEquals(NOTE_TITLE, v(annual, "statedIn")),
                () -> assertEquals(List.of(), missing(rows, "earnedBy_en", "earnedBy_fr"), "earners labelled"));
    }

    @Test
    void note_citation_gives_title_author_dates_notebook_category_and_url() {
        QuerySolution note = single(run("07-note-citation.rq"), "one Praxis note");
        assertAll(
                () -> assertEquals(NOTE, v(note, "note")),
                () -> assertEquals(NOTE_TITLE, v(note, "title")),
                () -> assertEquals("Jonathan Durand Folco", v(note, "authorName")),
                () -> assertEquals("2023-03-22", v(note, "issued")),
                () -> assertTrue(String.valueOf(v(note, "modified")).startsWith("2023-07-13T10:12"), () -> v(note, "modified")),
                () -> assertEquals("Joël Nadeau", v(note, "includedByName")),
                () -> assertTrue(String.valueOf(v(note, "includedOn")).startsWith("2023-03-22T15:26"), () -> v(note, "includedOn")),
                () -> assertEquals("Réflexions de Jonathan Durand Folco", v(note, "notebook_fr")),
                () -> assertNotNull(v(note, "notebook_en")),
                () -> assertEquals("Intelligence artificielle", v(note, "category_fr")),
                () -> assertNotNull(v(note, "category_en")),
                () -> assertEquals("public", String.valueOf(v(note, "visibility_en")).toLowerCase()),
                () -> assertEquals("Praxis", v(note, "publisher")),
                () -> assertEquals(NOTE_URL, v(note, "url")),
                () -> assertTrue(String.valueOf(v(note, "citation")).startsWith("Jonathan Durand Folco. (2023). " + NOTE_TITLE),
                        () -> v(note, "citation")),
                () -> assertTrue(String.valueOf(v(note, "citation")).contains(NOTE_URL), () -> v(note, "citation")),
                () -> assertTrue(String.valueOf(v(note, "citation")).contains("consulted Aug. 8, 2024"), () -> v(note, "citation")),
                () -> assertEquals("2024-08-08", v(note, "consulted"), "the citation's access date, as a date"));
    }

    @Test
    void persons_are_listed_with_their_role_and_works() {
        List<QuerySolution> rows = run("08-persons-and-their-works.rq");
        Set<String> links = tuples(rows, "name", "relation", "work");
        assertAll(
                () -> assertEquals(Set.of("Mary L. Gray", "Siddharth Suri", "Gina Neff", "Jonathan Durand Folco",
                        "Jonathan Martineau", "Joël Nadeau"), column(rows, "name"), "the note's six persons"),
                () -> assertEquals(List.of(), missing(rows, "role_en", "role_fr", "work", "title"),
                        "everyone has a role in both languages and at least one work"),
                () -> assertTrue(links.contains("Mary L. Gray | creator | " + LGW + "ghost-work"), links::toString),
                () -> assertTrue(links.contains("Siddharth Suri | creator | " + LGW + "ghost-work"), links::toString),
                () -> assertTrue(links.contains("Gina Neff | creator | " + LGW + "venture-labor"), links::toString),
                () -> assertTrue(links.contains("Jonathan Durand Folco | creator | " + NOTE), links::toString),
                () -> assertTrue(links.contains("Jonathan Durand Folco | creator | " + LGW + "facebook-post-2023-03-21"), links::toString),
                () -> assertTrue(links.contains("Jonathan Durand Folco | creator | " + LGW + "algorithmic-capital-forthcoming-book"), links::toString),
                () -> assertTrue(links.contains("Jonathan Martineau | creator | " + LGW + "algorithmic-capital-forthcoming-book"), links::toString),
                () -> assertTrue(links.contains("Joël Nadeau | contributor | " + NOTE), links::toString),
                () -> assertEquals(Set.of("2019"), column(where(rows, "work", LGW + "ghost-work"), "year")),
                () -> assertEquals(Set.of("2012"), column(where(rows, "work", LGW + "venture-labor"), "year")));
    }

    @Test
    void synonyms_list_the_notes_other_spellings_and_never_repeat_a_preferred_label() {
        List<QuerySolution> rows = run("09-labels-and-synonyms.rq");
        Set<String> labels = tuples(rows, "concept", "label", "language");
        assertAll(
                // The note's other spellings and names: tier 1's "micro-travail" and "travail du clic" (issue #22:
                // names of ghost work), the book excerpt's "microtravail", the English "digital labor" it adds in
                // parentheses, and its "élite du travail hautement qualifié".
                () -> assertTrue(labels.contains(LGC + "ghost-work | micro-travail | fr"), () -> "ghost-work: " + labels),
                () -> assertTrue(labels.contains(LGC + "ghost-work | travail du clic | fr"), () -> "ghost-work: " + labels),
                () -> assertTrue(labels.contains(LGC + "ghost-work | microtravail | fr"), () -> "ghost-work: " + labels),
                () -> assertTrue(labels.contains(LGC + "digital-labour | digital labor | en"), () -> "digital-labour: " + labels),
                () -> assertTrue(labels.contains(LGC + "venture-labour | élite du travail hautement qualifié | fr"),
                        () -> "venture-labour: " + labels),
                () -> assertTrue(labels.contains(LGC + "venture-labour | venture labor | en"), () -> "venture-labour: " + labels),
                () -> assertTrue(rows.stream().allMatch(r -> !v(r, "label").equals(v(r, "prefLabel_" + v(r, "language")))),
                        "an alternative label is never the preferred label in the same language"),
                () -> assertEquals(List.of(), missing(rows, "prefLabel_en", "prefLabel_fr", "language")));
    }

    @Test
    void a_search_for_travail_du_clic_finds_ghost_work_first_and_the_search_words_can_be_changed() {
        // Issue #22: "travail du clic" is a name of ghost work; the retired click-work concept is left out.
        List<QuerySolution> rows = run("10-find-a-concept-by-any-label.rq");
        assertFalse(rows.isEmpty());
        assertEquals(LGC + "ghost-work", v(rows.get(0), "concept"), () -> rows.toString());
        assertFalse(column(rows, "concept").contains(LGC + "click-work"), () -> rows.toString());

        // The same query, with other words in VALUES, as a librarian would edit it.
        String text = QueryFile.read(ROOT.resolve("queries/10-find-a-concept-by-any-label.rq")).text();
        assertTrue(text.contains("(\"travail du clic\" \"\")"));
        List<QuerySolution> ghost = select(served, text.replace("(\"travail du clic\" \"\")", "(\"FANTÔME\" \"fr\")"));
        assertEquals(Set.of(LGC + "ghost-work"), column(ghost, "concept"), () -> "search 'FANTÔME' in French: " + ghost);
        List<QuerySolution> none = select(served, text.replace("(\"travail du clic\" \"\")", "(\"fantôme\" \"en\")"));
        assertEquals(List.of(), none, "the language filter applies");
    }

    @Test
    void related_pairs_list_freelancing_with_both_tiers_it_stands_beside_once() {
        // Issue #22: the freelancers are added to the tier-3 elite and follow the logic of tier 1: related to both.
        List<QuerySolution> rows = run("11-related-concepts.rq");
        Set<String> pairs = tuples(rows, "conceptA", "conceptB");
        assertAll(
                () -> assertTrue(pairs.contains(LGC + "freelancing | " + LGC + "venture-labour"), pairs::toString),
                () -> assertTrue(pairs.contains(LGC + "freelancing | " + LGC + "ghost-work"), pairs::toString),
                () -> assertFalse(pairs.stream().anyMatch(p -> p.contains(LGC + "micro-work") || p.contains(LGC + "click-work")),
                        () -> "retired concepts have no related links: " + pairs),
                () -> assertEquals(rows.size(), pairs.size(), "each pair once"),
                () -> assertTrue(rows.stream().allMatch(r -> v(r, "conceptA").compareTo(v(r, "conceptB")) < 0),
                        "one order per pair"),
                () -> assertEquals(List.of(), missing(rows, "a_en", "a_fr", "b_en", "b_fr")));
    }

    @Test
    void hierarchy_pairs_follow_the_notes_three_tiers() {
        // Issue #22: the whole broader tree, and nothing else: tier 1 is one concept (micro-work and click work are
        // its names), freelancing and prompt engineering sit beside the tiers, and the editorial collections are
        // no broader concepts.
        List<QuerySolution> rows = run("12-concept-hierarchy.rq");
        Set<String> pairs = tuples(rows, "broader", "narrower");
        Set<String> expected = Stream.of(
                        "digital-labour > ghost-work", "digital-labour > social-network-labour",
                        "digital-labour > venture-labour", "digital-labour > freelancing",
                        "digital-labour > prompt-engineering",
                        "ghost-work > content-moderation", "ghost-work > data-labelling")
                .map(pair -> pair.split(" > "))
                .map(p -> LGC + p[0] + " | " + LGC + p[1])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> narrower = column(rows, "narrower");
        assertAll(
                () -> assertEquals(expected, pairs, "broader > narrower pairs"),
                () -> assertFalse(narrower.contains(TOP), "digital labour is the top concept"),
                () -> assertTrue(narrower.containsAll(TREE_CONCEPTS.stream().filter(c -> !c.equals(TOP)).toList()),
                        "every other concept of the tree has a broader one"),
                () -> assertEquals(List.of(), missing(rows, "broader_en", "broader_fr", "narrower_en", "narrower_fr")));
    }

    @Test
    void places_name_madagascar_and_kenya_in_the_global_south() {
        List<QuerySolution> rows = run("13-places.rq");
        Map<String, String> region = map(rows, "place", "region");
        assertAll(
                () -> assertEquals(LGPL + "global-south", region.get(LGPL + "madagascar")),
                () -> assertEquals(LGPL + "global-south", region.get(LGPL + "kenya")),
                () -> assertEquals("Global South", map(rows, "place", "region_en").get(LGPL + "kenya")),
                () -> assertTrue(column(rows, "place").contains(LGPL + "global-south")),
                () -> assertEquals(map(rows, "place", "kind_en").get(LGPL + "madagascar"),
                        map(rows, "place", "kind_en").get(LGPL + "kenya"), "both are countries"),
                () -> assertFalse(map(rows, "place", "kind_en").get(LGPL + "kenya")
                        .equals(map(rows, "place", "kind_en").get(LGPL + "global-south")), "the Global South is a region"),
                () -> assertEquals("1", map(rows, "place", "payFigures").get(LGPL + "kenya"), "the click-workers' pay"),
                () -> assertEquals(List.of(), missing(rows, "place_en", "place_fr", "kind_en")));
    }

    @Test
    void organisations_and_products_include_openai_and_chatgpt_made_by_it() {
        List<QuerySolution> rows = run("14-organisations-and-products.rq");
        assertAll(
                () -> assertEquals(Set.of(LGO + "openai", LGO + "facebook", LGO + "praxis"),
                        column(where(rows, "kind", "organisation"), "thing")),
                () -> assertEquals(Set.of(LGPR + "chatgpt"), column(where(rows, "kind", "product"), "thing")),
                () -> assertEquals(LGO + "openai", map(rows, "thing", "maker").get(LGPR + "chatgpt")),
                () -> assertEquals("OpenAI", map(rows, "thing", "maker_en").get(LGPR + "chatgpt")),
                () -> assertTrue(map(rows, "thing", "works").get(LGO + "praxis").contains(NOTE_TITLE), "Praxis publishes the note"),
                () -> assertEquals(List.of(), missing(rows, "label_en", "label_fr")));
    }

    @Test
    void concept_counts_per_tier_match_the_tier_listing_and_facets_count_their_concepts() {
        List<QuerySolution> rows = run("15-concept-counts-per-tier-and-facet.rq");
        List<QuerySolution> byTier = run("01-concepts-by-tier.rq");
        Map<String, String> tierCounts = map(where(rows, "groupKind", "tier"), "rank", "concepts");
        Map<String, String> listed = new HashMap<>();
        for (String rank : column(byTier, "rank")) {
            listed.put(rank, String.valueOf(where(byTier, "rank", rank).size()));
        }
        Map<String, String> facetCounts = map(where(rows, "groupKind", "facet"), "group", "concepts");
        // Issue #22: the editorial collections group their members with skos:member, outside the broader tree.
        String conditions = LGC + "conditions-of-digital-labour";
        String politicalEconomy = LGC + "political-economy-of-digital-labour";
        Set<String> conditionMembers = members(conditions);
        Set<String> politicalEconomyMembers = members(politicalEconomy);
        assertAll(
                () -> assertEquals(listed, tierCounts, "counts per tier rank = rows per rank of 01-concepts-by-tier"),
                () -> assertEquals(Set.of("1", "2", "3"), tierCounts.keySet(), "the note's three tiers"),
                () -> assertEquals(Set.copyOf(COLLECTIONS), facetCounts.keySet(), "the two editorial collections"),
                () -> assertEquals(Set.copyOf(concepts("piecework-pay", "underpayment", "unpaid-labour", "precarity",
                        "outsourcing", "task-fragmentation", "platform-dependence")), conditionMembers, "the conditions"),
                () -> assertEquals(Set.copyOf(concepts("algorithmic-capital", "labour-exploitation", "algorithm-training",
                        "value-chain", "wage-labour", "labour-aristocracy")), politicalEconomyMembers, "the political economy"),
                () -> assertEquals("7", facetCounts.get(conditions)),
                () -> assertEquals("6", facetCounts.get(politicalEconomy)),
                () -> assertEquals(List.of(), missing(rows, "group_en", "group_fr")));
    }

    @Test
    void standard_terms_alone_find_ghost_work_and_venture_labour_coined_in_their_books() {
        QueryFile file = QueryFile.read(ROOT.resolve("queries/16-standard-terms-coined-in-a-work.rq"));
        Query query = file.parse();
        // Only SKOS, Dublin Core, FOAF, schema.org, PROV (and rdf:type): no labourgraph IRI at all.
        query.setPrefixMapping(PrefixMapping.Factory.create());
        Set<String> namespaces = iriNamespaces(query.serialize());
        Set<String> allowed = Set.of("http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/",
                "http://xmlns.com/foaf/0.1/", "https://schema.org/", "http://www.w3.org/ns/prov#",
                RDF.getURI());
        assertTrue(allowed.containsAll(namespaces), () -> "non-standard namespaces used: " + namespaces);

        List<QuerySolution> rows = select(served, query);
        assertEquals(Set.of(
                        "ghost work | " + LGW + "ghost-work | 2019 | Mary L. Gray",
                        "ghost work | " + LGW + "ghost-work | 2019 | Siddharth Suri",
                        "venture labour | " + LGW + "venture-labor | 2012 | Gina Neff"),
                tuples(rows, "term", "work", "year", "creatorName"));
        assertEquals(Set.of(GHOST_WORK_TITLE, VENTURE_LABOR_TITLE), column(rows, "title"));
    }

    @Test
    void the_quoted_passage_is_from_the_forthcoming_book_and_quoted_by_the_note() {
        QuerySolution quotation = single(run("17-quoted-passage.rq"), "one quotation");
        assertAll(
                () -> assertEquals(LGW + "venture-labour-passage", v(quotation, "quotation")),
                () -> assertTrue(String.valueOf(v(quotation, "text")).startsWith("Ces travailleurs hautement qualifiés"),
                        () -> v(quotation, "text")),
                () -> assertTrue(String.valueOf(v(quotation, "text")).contains("« travail venture »"), () -> v(quotation, "text")),
                () -> assertEquals(Set.of("Jonathan Durand Folco", "Jonathan Martineau"), split(v(quotation, "authors"), ", ")),
                () -> assertEquals(LGW + "algorithmic-capital-forthcoming-book", v(quotation, "book")),
                () -> assertNotNull(v(quotation, "bookTitle")),
                () -> assertEquals("forthcoming", String.valueOf(v(quotation, "status_en")).toLowerCase()),
                () -> assertTrue(split(v(quotation, "quotedBy"), " | ").contains(NOTE_TITLE), () -> v(quotation, "quotedBy")),
                () -> assertEquals(2, split(v(quotation, "quotedBy"), " | ").size(), "the note and the Facebook post"),
                () -> assertNotNull(v(quotation, "summary_en"), "an English summary"));
    }

    @Test
    void provenance_traces_each_statement_on_ghost_work_to_a_source_graph_and_its_origin() {
        List<QuerySolution> rows = run("18-provenance-of-a-concept.rq");
        // Only the source files' graphs: a store may keep its entailments in a named graph of its own.
        List<QuerySolution> stated = rows.stream().filter(r -> sources.containsKey(v(r, "graph"))).toList();
        Set<String> statements = tuples(stated, "graph", "property", "value");
        assertAll(
                () -> assertTrue(statements.contains(LGG + "concepts | " + SKOS.prefLabel.getURI() + " | ghost work"),
                        statements::toString),
                () -> assertTrue(statements.contains(LGG + "coinage | " + LG + "coinedIn | " + LGW + "ghost-work"),
                        statements::toString),
                () -> assertTrue(statements.contains(LGG + "coinage | " + LG + "coinedBy | " + LGP + "mary-l-gray"),
                        statements::toString),
                () -> assertEquals("coined in", map(stated, "property", "property_en").get(LG + "coinedIn")),
                () -> assertEquals("Mary L. Gray", map(stated, "value", "value_en").get(LGP + "mary-l-gray")),
                () -> assertFalse(column(stated, "property").contains("http://www.w3.org/ns/prov#wasAttributedTo"),
                        "entailed statements are not stated by any source file"),
                () -> assertTrue(map(stated, "graph", "derivedFrom").get(LGG + "coinage").contains(GHOST_WORK_TITLE),
                        "coinage is derived from the books"),
                () -> assertEquals(List.of(), missing(stated, "graph_en", "derivedFrom", "property_en"),
                        "every source graph describes itself and what it is derived from"));
    }

    @Test
    void no_concept_lies_outside_the_scheme_or_the_hierarchy() {
        assertEquals(List.of(), run("19-qc-concepts-outside-the-hierarchy.rq"));
    }

    @Test
    void an_orphan_concept_and_a_broader_cycle_are_reported() {
        Resource orphan = ResourceFactory.createResource(LGC + "orphan");
        Dataset defective = withDefect(graphs -> {
            Model model = graphs.get(LGG + "concepts");
            assertNotNull(model, "data/concepts.ttl (graph lgg:concepts) holds the concepts");
            model.add(orphan, RDF.type, SKOS.Concept);
            model.add(concept("digital-labour"), SKOS.broader, concept("content-moderation"));
        });
        Set<String> found = tuples(run(defective, "19-qc-concepts-outside-the-hierarchy.rq"), "concept", "problem");
        assertAll(
                () -> assertTrue(found.contains(orphan.getURI() + " | not in the concept scheme lgc:scheme"), found::toString),
                () -> assertTrue(found.contains(orphan.getURI() + " | does not reach the top concept lgc:digital-labour"),
                        found::toString),
                () -> assertTrue(found.contains(LGC + "content-moderation | is broader than itself (cycle)"), found::toString),
                () -> assertFalse(found.stream().anyMatch(f -> f.startsWith(LGC + "precarity |")),
                        () -> "a collection member is not an orphan: " + found),
                () -> assertFalse(found.stream().anyMatch(f -> f.startsWith(LGC + "micro-work |")),
                        () -> "a retired concept is not an orphan: " + found),
                () -> assertTrue(found.contains(TOP + " | is broader than itself (cycle)"), found::toString),
                () -> assertFalse(found.stream().anyMatch(f -> f.startsWith(LGC + "venture-labour |")), found::toString));
    }

    @Test
    void no_concept_label_is_missing_duplicated_or_ambiguous() {
        assertEquals(List.of(), run("20-qc-missing-or-ambiguous-labels.rq"));
    }

    @Test
    void missing_duplicated_and_shared_labels_are_reported() {
        Dataset defective = withDefect(graphs -> {
            Model model = graphs.get(LGG + "concepts");
            assertNotNull(model, "data/concepts.ttl (graph lgg:concepts) holds the concepts");
            graphs.values().forEach(m -> m.remove(m.listStatements(concept("precarity"), SKOS.prefLabel, (RDFNode) null)
                    .filterKeep(s -> s.getLiteral().getLanguage().equals("fr")).toList()));
            model.add(concept("data-labelling"), SKOS.altLabel, model.createLiteral("Ghost Work", "en"));
            model.add(concept("freelancing"), SKOS.prefLabel, model.createLiteral("zzz second label", "en"));
        });
        Set<String> found = tuples(run(defective, "20-qc-missing-or-ambiguous-labels.rq"), "concept", "problem");
        assertAll(
                () -> assertTrue(found.contains(LGC + "precarity | no preferred label in fr"), found::toString),
                () -> assertTrue(found.contains(LGC + "data-labelling | label shared with another concept"), found::toString),
                () -> assertFalse(found.stream().anyMatch(f -> f.startsWith(LGC + "micro-work |")),
                        () -> "a retired concept keeps the labels its successor took over: " + found),
                () -> assertTrue(found.contains(LGC + "ghost-work | label shared with another concept"), found::toString),
                () -> assertTrue(found.contains(LGC + "freelancing | two preferred labels in one language"), found::toString),
                () -> assertFalse(found.stream().anyMatch(f -> f.startsWith(LGC + "venture-labour |")), found::toString));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    static List<QuerySolution> run(String file) {
        return run(served, file);
    }

    static List<QuerySolution> run(Dataset dataset, String file) {
        return select(dataset, QueryFile.read(ROOT.resolve("queries").resolve(file)).parse());
    }

    static List<QuerySolution> select(Dataset dataset, String query) {
        return select(dataset, QueryFactory.create(query));
    }

    /** Runs in a read transaction, as the endpoint does (the store is TDB2). */
    static List<QuerySolution> select(Dataset dataset, Query query) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build()) {
                return ResultSetFormatter.toList(execution.execSelect());
            }
        });
    }

    /** The served dataset built from a copy of the sources with a defect seeded into it. */
    static Dataset withDefect(Consumer<Map<String, Model>> defect) {
        Map<String, Model> copy = ServedGraphFixture.copy(sources);
        defect.accept(copy);
        return ServedGraphFixture.served(copy);
    }

    static Resource concept(String slug) {
        return ResourceFactory.createResource(LGC + slug);
    }

    static List<String> concepts(String... slugs) {
        return Stream.of(slugs).map(slug -> LGC + slug).toList();
    }

    /** The members of an editorial collection (skos:member), as served. */
    static Set<String> members(String collection) {
        return column(select(served, """
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?member WHERE { <%s> a skos:Collection ; skos:member ?member }""".formatted(collection)), "member");
    }

    /** A binding as text: the IRI of a resource, the lexical form of a literal; null when unbound. */
    static String v(QuerySolution row, String var) {
        RDFNode node = row.get(var);
        if (node == null) {
            return null;
        }
        if (node.isLiteral()) {
            return node.asLiteral().getLexicalForm();
        }
        return node.isURIResource() ? node.asResource().getURI() : node.toString();
    }

    static BigDecimal decimal(QuerySolution row, String var) {
        Literal literal = row.getLiteral(var);
        assertNotNull(literal, var + " is bound");
        return new BigDecimal(literal.getLexicalForm());
    }

    static List<QuerySolution> where(List<QuerySolution> rows, String var, String value) {
        return rows.stream().filter(r -> value.equals(v(r, var))).toList();
    }

    static Set<String> column(List<QuerySolution> rows, String var) {
        return rows.stream().map(r -> v(r, var)).filter(s -> s != null).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static List<Integer> ints(List<QuerySolution> rows, String var) {
        return rows.stream().map(r -> Integer.valueOf(v(r, var))).toList();
    }

    static List<Integer> sorted(List<Integer> values) {
        return values.stream().sorted().toList();
    }

    /** key → value over rows; fails if one key has two values. */
    static Map<String, String> map(List<QuerySolution> rows, String keyVar, String valueVar) {
        Map<String, String> map = new HashMap<>();
        for (QuerySolution row : rows) {
            String key = v(row, keyVar);
            String previous = map.put(key, v(row, valueVar));
            if (previous != null && !previous.equals(map.get(key))) {
                fail(keyVar + " " + key + " has two values of " + valueVar + ": " + previous + ", " + map.get(key));
            }
        }
        return map;
    }

    /** Each row as "a | b | c" over the given variables. */
    static Set<String> tuples(List<QuerySolution> rows, String... vars) {
        return rows.stream()
                .map(r -> Stream.of(vars).map(var -> String.valueOf(v(r, var))).collect(Collectors.joining(" | ")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** "row n: var" for each unbound (or empty) variable among those given. */
    static List<String> missing(List<QuerySolution> rows, String... vars) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String var : vars) {
                String value = v(rows.get(i), var);
                if (value == null || value.isBlank()) {
                    missing.add("row " + (i + 1) + ": ?" + var + " " + rows.get(i));
                }
            }
        }
        return missing;
    }

    static QuerySolution single(List<QuerySolution> rows, String what) {
        assertEquals(1, rows.size(), () -> "expected " + what + ": " + rows);
        return rows.get(0);
    }

    static Set<String> split(String joined, String separator) {
        return joined == null ? Set.of() : Set.of(joined.split(Pattern.quote(separator)));
    }

    /** Namespaces (up to the last '#' or '/') of the IRIs written in full in a serialised query. */
    static Set<String> iriNamespaces(String serialised) {
        Set<String> namespaces = new TreeSet<>();
        Matcher m = Pattern.compile("<([^>\\s]+)>").matcher(serialised);
        while (m.find()) {
            String iri = m.group(1);
            namespaces.add(iri.substring(0, Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1));
        }
        return namespaces;
    }
}
