package org.labourgraph.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.labourgraph.ProjectPaths;

/**
 * The portable search's prefilter is a necessary condition: a text it leaves out cannot hold the word once folded. Checked
 * on every word of every label and definition the project ships, as search-fallback.rq folds them.
 */
class SearchPrefilterTest {
    private static boolean passes(String word, String text) {
        return Pattern.compile(RemoteSparqlSearch.prefilter(List.of(word))).matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    @Test
    void each_letter_stands_for_what_folds_to_it_and_oe_for_the_ligature_too() {
        assertEquals("(?:[oòóôõö][eèéêë]|œ)[uùúûü]vr[eèéêë]", RemoteSparqlSearch.prefilter(RemoteSparqlSearch.words("main-d'œuvre")));
        assertTrue(passes("oeuvre", "La main-d'Œuvre"));
        assertTrue(passes("oeuvre", "OEUVRÉ"));
        assertTrue(passes("fantome", "Travail fantôme"));
        assertTrue(passes("garcon", "GARÇON"));
        assertFalse(passes("fantome", "fantasme"), "a text without the word is left out");
    }

    @Test
    void the_longest_word_is_the_one_asked() {
        assertEquals("f[aàáâãäå][nñ]t[oòóôõö]m[eèéêë]", RemoteSparqlSearch.prefilter(List.of("de", "fantome", "gig")));
    }

    @Test
    void every_word_of_every_shipped_text_passes_the_prefilter_of_that_word() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(ProjectPaths.root().resolve("data")), Files.list(ProjectPaths.root().resolve("ontology")))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".ttl")).toList()) {
                Graph g = RDFDataMgr.loadGraph(file.toString());
                for (Node p : List.of(SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(), SKOS.hiddenLabel.asNode(), SKOS.definition.asNode())) {
                    g.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
                        if (t.getObject().isLiteral()) {
                            texts.add(t.getObject().getLiteralLexicalForm());
                        }
                    });
                }
            }
        }
        assertTrue(texts.size() > 100, "the shipped labels and definitions: " + texts.size());
        int checked = 0;
        for (String text : texts) {
            for (String word : RemoteSparqlSearch.fold(text).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    assertTrue(passes(word, text), "\"" + word + "\" of \"" + text + "\"");
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "words checked: " + checked);
    }
}
