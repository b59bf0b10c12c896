package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.TestServer;

/**
 * {@code labourgraph align} end to end on loopback: a second labourgraph server's /reconcile is the service;
 * its candidates are written as SSSOM for review (semapv:LexicalMatching), and {@code load} of the reviewed file
 * adds only the rows a curator accepted (evidence given, justification changed), as links with their records.
 */
class AlignCommandTest {
    static TestServer service;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startService() {
        service = TestServer.start();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    private Path loadedStore() throws Exception {
        Path dir = tmp.resolve("store");
        try (LabourStore store = LabourStore.open(dir)) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
        }
        return dir;
    }

    @Test
    void align_writes_scored_candidates_for_review_and_load_adds_only_the_accepted_rows() throws Exception {
        Path store = loadedStore();
        Path out = tmp.resolve("candidates.sssom.tsv");
        LoadCommandTest.Run align = LoadCommandTest.run("align", "--service", service.uri("reconcile").toString(), "--type", "place",
                "--threshold", "90", "--output", out.toString(), "--store", store.toString());
        assertEquals(0, align.exit(), align.err());
        assertTrue(Pattern.compile("align: \\d+ candidate\\(s\\) for \\d+ resource\\(s\\) written to ").matcher(align.err()).find(), align.err());
        String tsv = Files.readString(out);
        assertTrue(tsv.contains("\nsubject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\tconfidence\t"), tsv);
        List<String> kenya = tsv.lines().filter(l -> l.startsWith("lgpl:kenya\t")).toList();
        assertEquals(1, kenya.size(), tsv);
        assertTrue(kenya.get(0).contains("\tschema:sameAs\tlgpl:kenya\tKenya\tsemapv:LexicalMatching\t1.00\tlabourgraph align\t"), kenya.get(0));
        assertFalse(tsv.lines().anyMatch(l -> l.startsWith("lgp:")), "--type place: no person is a candidate");

        // Nothing is asserted until a curator accepts a row.
        LoadCommandTest.Run none = LoadCommandTest.run("load", "--store", store.toString(), "--graph",
                "https://w3id.org/labourgraph/graph/alignments-review", out.toString());
        assertEquals(0, none.exit(), none.err());
        assertEquals("0", count(store, "https://w3id.org/labourgraph/graph/alignments-review"));

        // The curator accepts the Kenya row: evidence, and the justification changed.
        Path reviewed = tmp.resolve("reviewed.sssom.tsv");
        Files.writeString(reviewed, tsv.replace(kenya.get(0), kenya.get(0).replace("semapv:LexicalMatching", "semapv:ManualMappingCuration")
                .replaceFirst("\t$", "\thttps://example.org/evidence")));
        LoadCommandTest.Run load = LoadCommandTest.run("load", "--store", store.toString(), "--graph",
                "https://w3id.org/labourgraph/graph/alignments-review", reviewed.toString());
        assertEquals(0, load.exit(), load.err());
        assertEquals("9", count(store, "https://w3id.org/labourgraph/graph/alignments-review"),
                "the link, and its record: type, source, property, target, justification, evidence, label, date");
    }

    @Test
    void an_accepted_row_without_evidence_is_refused_at_its_line() throws Exception {
        Path store = loadedStore();
        Path file = tmp.resolve("bad.sssom.tsv");
        Files.writeString(file, "#curie_map:\n#  lgpl: 'https://w3id.org/labourgraph/id/place/'\n#  wd: 'http://www.wikidata.org/entity/'\n"
                + "#  schema: 'https://schema.org/'\n#  semapv: 'https://w3id.org/semapv/vocab/'\n"
                + "subject_id\tpredicate_id\tobject_id\tmapping_justification\tsee_also\n"
                + "lgpl:kenya\tschema:sameAs\twd:Q114\tsemapv:ManualMappingCuration\t\n");
        LoadCommandTest.Run load = LoadCommandTest.run("load", "--store", store.toString(), file.toString());
        assertEquals(1, load.exit(), load.err());
        assertTrue(load.err().contains("bad.sssom.tsv:7:1") && load.err().contains("needs its evidence"), load.err());
    }

    @Test
    void an_unreachable_or_non_http_service_is_a_clear_error() throws Exception {
        Path store = loadedStore();
        LoadCommandTest.Run file = LoadCommandTest.run("align", "--service", "file:///etc/passwd", "--output", tmp.resolve("x").toString(),
                "--store", store.toString());
        assertEquals(2, file.exit());
        assertTrue(file.err().contains("must be an http(s) address"), file.err());
        LoadCommandTest.Run missing = LoadCommandTest.run("align", "--service", service.uri("no-such-service").toString(),
                "--output", tmp.resolve("y").toString(), "--store", store.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("answered 404"), missing.err());
    }

    private static String count(Path store, String graph) {
        LoadCommandTest.Run q = LoadCommandTest.run("query", "--store", store.toString(), "--format", "csv",
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }");
        assertEquals(0, q.exit(), q.err());
        return q.out().lines().skip(1).findFirst().orElse("").strip();
    }
}
