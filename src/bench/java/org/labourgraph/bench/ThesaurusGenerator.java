package org.labourgraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.labourgraph.vocab.LG;

/**
 * Writes a synthetic but realistic thesaurus as N-Triples, streaming: one concept scheme, concepts with French
 * and English labels (accents included), alternative labels, definitions, a broader/narrower tree stated both
 * ways under one top concept, related links between siblings; persons (foaf:Person) and books linked to the
 * concepts by dcterms:creator / dcterms:subject / dcterms:source and lg:coinedBy / lg:coinedIn. The IRIs and
 * types are those of the real data, so pages render the generated resources as they render the real ones.
 *
 * <p>Everything about resource i is a pure function of (seed, i), so nothing is held in memory and the same
 * seed gives the same bytes. The size is set by a target triple count; the concept count is derived from it.
 */
public final class ThesaurusGenerator {
    static final String SCHEMA = "https://schema.org/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String PERSON_NS = LG.ID_NS + "person/";
    static final String WORK_NS = LG.ID_NS + "work/";
    /** Children per concept: a tree of depth log6(N). */
    static final int FAN_OUT = 6;
    /** Concepts per book: book w is the source of concepts w*5 … w*5+4. */
    static final int CONCEPTS_PER_WORK = 5;
    /** Persons per concept count: one person for every 4 concepts. */
    static final int CONCEPTS_PER_PERSON = 4;
    /** Triples per concept, all resources included, measured on this generator (used to size from a target). */
    static final double TRIPLES_PER_CONCEPT = 17.4;

    static {
        // Jena's vocabulary constants need the subsystem up before this class's own constants use them.
        JenaSystem.init();
    }

    private static final Node A = RDF.type.asNode();
    private static final Node FOAF_PERSON = iri(FOAF + "Person");
    private static final Node FOAF_NAME = iri(FOAF + "name");

    private final long seed;
    private final long concepts;
    private final long works;
    private final long persons;
    private final SyntheticWords words;

    private ThesaurusGenerator(long seed, long concepts) {
        this.seed = seed;
        this.concepts = concepts;
        this.works = (concepts + CONCEPTS_PER_WORK - 1) / CONCEPTS_PER_WORK;
        this.persons = Math.max(1, concepts / CONCEPTS_PER_PERSON);
        this.words = new SyntheticWords(seed);
    }

    /** A generator of about {@code triples} triples (at least one concept) for {@code seed}. */
    public static ThesaurusGenerator forTriples(long triples, long seed) {
        if (triples < 1 || triples > 100_000_000L) {
            throw new IllegalArgumentException("--triples must be between 1 and 100,000,000, got " + triples);
        }
        return new ThesaurusGenerator(seed, Math.max(1, Math.round(triples / TRIPLES_PER_CONCEPT)));
    }

    public long concepts() {
        return concepts;
    }

    public long works() {
        return works;
    }

    public long persons() {
        return persons;
    }

    /** The IRI of concept i (0 is the top concept). */
    public String conceptIri(long i) {
        return LG.CONCEPT_NS + words.slugEn(i);
    }

    public String personIri(long p) {
        long round = words.personRound(p);
        return PERSON_NS + words.personSlug(p) + (round == 0 ? "" : "-" + (round + 1));
    }

    public String workIri(long w) {
        return WORK_NS + "study-of-" + words.slugEn(w * CONCEPTS_PER_WORK);
    }

    /** The French preferred label of concept i (for searches in the benchmark). */
    public String conceptLabelFr(long i) {
        return words.labelFr(i);
    }

    /** Writes the thesaurus to {@code file}; {@code progress} is told the triple count as it grows. Returns the count. */
    public long write(Path file, LongConsumer progress) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return write(out, progress);
        }
    }

    /** Writes the thesaurus as N-Triples (UTF-8) to {@code out}, which it does not close. */
    public long write(OutputStream out, LongConsumer progress) {
        CountingStream sink = new CountingStream(StreamRDFLib.writer(out));
        sink.start();
        scheme(sink);
        for (long i = 0; i < concepts; i++) {
            concept(sink, i);
            if (i % CONCEPTS_PER_WORK == CONCEPTS_PER_WORK - 1 || i == concepts - 1) {
                work(sink, i / CONCEPTS_PER_WORK);
            }
            if (i % CONCEPTS_PER_PERSON == CONCEPTS_PER_PERSON - 1 && i / CONCEPTS_PER_PERSON < persons) {
                person(sink, i / CONCEPTS_PER_PERSON);
            }
            if (i % 1024 == 0) {
                progress.accept(sink.count);
            }
        }
        if (concepts < CONCEPTS_PER_PERSON) {
            person(sink, 0);
        }
        sink.finish();
        progress.accept(sink.count);
        return sink.count;
    }

    private void scheme(CountingStream out) {
        Node scheme = iri(LG.SCHEME_IRI);
        out.add(scheme, A, SKOS.ConceptScheme.asNode());
        out.add(scheme, RDFS.label.asNode(), fr("Thésaurus synthétique du travail digital (graine " + seed + ")"));
        out.add(scheme, RDFS.label.asNode(), en("Synthetic thesaurus of digital labour (seed " + seed + ")"));
        out.add(scheme, DCTerms.title.asNode(), fr("Thésaurus synthétique du travail digital (graine " + seed + ")"));
        out.add(scheme, DCTerms.title.asNode(), en("Synthetic thesaurus of digital labour (seed " + seed + ")"));
        out.add(scheme, DCTerms.description.asNode(), fr("Données fictives générées pour les mesures de performance de labourgraph : "
                + concepts + " concepts, " + works + " œuvres, " + persons + " personnes."));
        out.add(scheme, DCTerms.description.asNode(), en("Fictitious data generated for labourgraph's benchmarks: "
                + concepts + " concepts, " + works + " works, " + persons + " persons."));
        out.add(scheme, SKOS.hasTopConcept.asNode(), iri(conceptIri(0)));
    }

    private void concept(CountingStream out, long i) {
        SplittableRandom random = random(1, i);
        Node c = iri(conceptIri(i));
        out.add(c, A, SKOS.Concept.asNode());
        out.add(c, SKOS.prefLabel.asNode(), fr(words.labelFr(i)));
        out.add(c, SKOS.prefLabel.asNode(), en(words.labelEn(i)));
        int alternatives = random.nextInt(4);
        if ((alternatives & 1) != 0) {
            out.add(c, SKOS.altLabel.asNode(), fr(words.altLabelFr(i)));
        }
        if ((alternatives & 2) != 0) {
            out.add(c, SKOS.altLabel.asNode(), en(words.altLabelEn(i)));
        }
        long work = i / CONCEPTS_PER_WORK;
        if (i == 0) {
            out.add(c, SKOS.definition.asNode(), fr("Ensemble des formes de travail digital que décrit ce thésaurus fictif."));
            out.add(c, SKOS.definition.asNode(), en("All the forms of digital labour this fictitious thesaurus describes."));
            out.add(c, SKOS.topConceptOf.asNode(), iri(LG.SCHEME_IRI));
        } else {
            long parent = (i - 1) / FAN_OUT;
            out.add(c, SKOS.definition.asNode(), fr("Notion plus spécifique que « " + words.labelFr(parent)
                    + " » (" + words.nounFr(i) + "), décrite dans l'étude n° " + (work + 1) + " de ce thésaurus fictif."));
            out.add(c, SKOS.definition.asNode(), en("A form of " + words.nounEn(i) + " narrower than \"" + words.labelEn(parent)
                    + "\", described in study no. " + (work + 1) + " of this fictitious thesaurus."));
            out.add(c, SKOS.broader.asNode(), iri(conceptIri(parent)));
        }
        if (random.nextInt(4) == 0) {
            out.add(c, SKOS.scopeNote.asNode(), fr("Note d'application : ne pas confondre avec les concepts voisins de l'étude n° " + (work + 1) + "."));
            out.add(c, SKOS.scopeNote.asNode(), en("Scope note: not to be confused with the neighbouring concepts of study no. " + (work + 1) + "."));
        }
        out.add(c, SKOS.inScheme.asNode(), iri(LG.SCHEME_IRI));
        out.add(c, DCTerms.source.asNode(), iri(workIri(work)));
        for (long child = i * FAN_OUT + 1; child <= i * FAN_OUT + FAN_OUT && child < concepts; child++) {
            out.add(c, SKOS.narrower.asNode(), iri(conceptIri(child)));
        }
        // Siblings 1-2, 3-4, 5-6 under one parent are related, both ways: never broader or narrower of each other.
        if (i > 0) {
            long position = (i - 1) % FAN_OUT;
            long sibling = position % 2 == 0 ? i + 1 : i - 1;
            if (sibling < concepts) {
                out.add(c, SKOS.related.asNode(), iri(conceptIri(sibling)));
            }
        }
        if (i % CONCEPTS_PER_WORK == 0) {
            // The first concept of each book was coined in it, by its first author.
            out.add(c, LG.coinedIn.asNode(), iri(workIri(work)));
            out.add(c, LG.coinedBy.asNode(), iri(personIri(firstCreator(work))));
        }
    }

    private void work(CountingStream out, long w) {
        SplittableRandom random = random(2, w);
        Node work = iri(workIri(w));
        long first = w * CONCEPTS_PER_WORK;
        String topicFr = words.labelFr(first);
        String topicEn = words.labelEn(first);
        boolean inFrench = random.nextBoolean();
        int year = 1990 + random.nextInt(36);
        out.add(work, A, iri(SCHEMA + "Book"));
        String titleFr = "Enquête sur la notion de « " + topicFr + " »";
        String titleEn = "Studying " + topicEn + ": an inquiry";
        out.add(work, DCTerms.title.asNode(), inFrench ? fr(titleFr) : en(titleEn));
        out.add(work, RDFS.label.asNode(), fr(titleFr));
        out.add(work, RDFS.label.asNode(), en(titleEn));
        out.add(work, DCTerms.issued.asNode(), NodeFactory.createLiteralDT(Integer.toString(year), XSDDatatype.XSDgYear));
        long[] creators = {firstCreator(w), random.nextLong(persons), random.nextLong(persons)};
        int creatorCount = 1 + random.nextInt(3);
        for (int k = 0; k < creatorCount; k++) {
            if (k == 0 || (creators[k] != creators[0] && creators[k] != creators[k - 1])) {
                out.add(work, DCTerms.creator.asNode(), iri(personIri(creators[k])));
            }
        }
        long last = Math.min(concepts, first + CONCEPTS_PER_WORK);
        for (long c = first; c < last; c++) {
            out.add(work, DCTerms.subject.asNode(), iri(conceptIri(c)));
        }
        long elsewhere = random.nextLong(concepts);
        if (elsewhere < first || elsewhere >= last) {
            out.add(work, DCTerms.subject.asNode(), iri(conceptIri(elsewhere)));
        }
        out.add(work, iri(SCHEMA + "description"), fr("Ouvrage fictif (" + year + ") sur le " + topicFr + "."));
        out.add(work, iri(SCHEMA + "description"), en("Fictitious book (" + year + ") on " + topicEn + "."));
    }

    /** The first author of book w, chosen without state so that concepts can name it too. */
    private long firstCreator(long w) {
        return random(3, w).nextLong(persons);
    }

    private void person(CountingStream out, long p) {
        Node person = iri(personIri(p));
        String name = words.personName(p);
        out.add(person, A, FOAF_PERSON);
        out.add(person, A, iri(SCHEMA + "Person"));
        out.add(person, FOAF_NAME, NodeFactory.createLiteralString(name));
        out.add(person, iri(SCHEMA + "name"), NodeFactory.createLiteralString(name));
        out.add(person, iri(FOAF + "givenName"), NodeFactory.createLiteralString(words.givenName(p)));
        out.add(person, iri(FOAF + "familyName"), NodeFactory.createLiteralString(words.familyName(p)));
        out.add(person, RDFS.label.asNode(), fr(name));
        out.add(person, RDFS.label.asNode(), en(name));
        out.add(person, iri(SCHEMA + "description"), fr("Personne fictive, autrice ou auteur d'études sur le travail digital."));
        out.add(person, iri(SCHEMA + "description"), en("Fictitious person, author of studies on digital labour."));
    }

    private SplittableRandom random(int kind, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + index);
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node fr(String text) {
        return NodeFactory.createLiteralLang(text, "fr");
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    /** The output stream, counting what goes through it. */
    private static final class CountingStream {
        private final StreamRDF out;
        long count;

        CountingStream(StreamRDF out) {
            this.out = out;
        }

        void start() {
            out.start();
        }

        void add(Node s, Node p, Node o) {
            out.triple(Triple.create(s, p, o));
            count++;
        }

        void finish() {
            out.finish();
        }
    }
}
