package org.labourgraph.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The resources a benchmark asks for: spread evenly over a generated thesaurus, the same for every server. */
final class Samples {
    private static final int COUNT = 64;

    final List<String> conceptIris = new ArrayList<>();
    final List<String> conceptSlugs = new ArrayList<>();
    final List<String> personSlugs = new ArrayList<>();
    final List<String> workSlugs = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    Samples(ThesaurusGenerator generator, BenchmarkRun.Plan plan) {
        for (int k = 0; k < COUNT; k++) {
            long concept = spread(k, generator.concepts());
            String iri = generator.conceptIri(concept);
            conceptIris.add(iri);
            conceptSlugs.add(iri.substring(iri.lastIndexOf('/') + 1));
            labels.add(generator.conceptLabelFr(concept));
            String person = generator.personIri(spread(k, generator.persons()));
            personSlugs.add(person.substring(person.lastIndexOf('/') + 1));
            String work = generator.workIri(spread(k, generator.works()));
            workSlugs.add(work.substring(work.lastIndexOf('/') + 1));
        }
    }

    /** The k-th of COUNT indices spread over [0, n), odd steps so they land in different parts of the tree. */
    private static long spread(int k, long n) {
        return (k * (n / COUNT + 1) + k) % Math.max(1, n);
    }

    List<URI> queries(URI endpoint, String template) {
        return conceptIris.stream().map(iri -> URI.create(endpoint + "?query=" + enc(String.format(Locale.ROOT, template, iri)))).toList();
    }

    List<URI> paths(URI base, String prefix, List<String> slugs) {
        return slugs.stream().map(slug -> base.resolve(prefix + slug)).toList();
    }

    /** Full-text searches on two words of real labels (accents included). */
    List<URI> searches(URI base) {
        return labels.stream().map(l -> base.resolve("search?q=" + enc(twoWords(l)))).toList();
    }

    /** Autocomplete on the first letters of real labels, as typed in the header box. */
    List<URI> autocompletes(URI base) {
        return labels.stream().map(l -> base.resolve("api/search?limit=5&q=" + enc(l.substring(0, Math.min(6, l.length())).trim()))).toList();
    }

    /** The A–Z index pages of the letters the labels start with. */
    List<URI> letters(URI base) {
        Set<String> letters = new LinkedHashSet<>();
        labels.forEach(l -> letters.add(java.text.Normalizer.normalize(l.substring(0, 1), java.text.Normalizer.Form.NFD)
                .substring(0, 1).toUpperCase(Locale.ROOT)));
        return letters.stream().map(letter -> base.resolve("index?letter=" + enc(letter))).toList();
    }

    private static String twoWords(String label) {
        String[] words = label.split(" ");
        return words.length < 3 ? label : words[0] + " " + words[2];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
