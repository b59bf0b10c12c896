package org.labourgraph.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.labourgraph.model.SearchHit;
import org.labourgraph.sparql.QueryRunner;
import org.labourgraph.sparql.Search;
import org.labourgraph.sparql.SearchRequest;
import org.labourgraph.sparql.SearchService;

/**
 * Reconciliation against the graph: candidates come from the accent-folding text index, then each is scored on
 * its names (preferred and alternative labels in French and English, titles, names) and on the property
 * constraints (explicit, or a citation's "(Author, Year)"). A candidate is a {@code match} only when it is
 * near-certain and clearly ahead of the next one.
 *
 * <p>Every read goes through a {@link QueryRunner} (the embedded dataset or an external SPARQL service: the same
 * queries either way), one runner per call; candidates come from that runner's {@link Search}.
 */
public final class ReconcileService {
    /** Score at or above which the best candidate may be a certain match… */
    static final double MATCH_THRESHOLD = 85;
    /** …if it leads the next candidate by at least this much. */
    static final double MATCH_MARGIN = 10;
    /** Candidates whose names share (almost) nothing with the query are not shown. */
    static final double MIN_SCORE = 20;
    private static final Pattern CITATION = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)\\s*$");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Query FACTS = load("entity-facts.rq");
    private static final Query BY_EXTERNAL_ID = load("by-external-id.rq");

    private final Supplier<QueryRunner> runners;
    private final Function<QueryRunner, Search> search;

    /**
     * @param runners a fresh runner for each call (its reads, counted together)
     * @param search the search a runner's candidates come from: the embedded text index counted on that runner, or
     *     an external store's search
     */
    public ReconcileService(Supplier<QueryRunner> runners, Function<QueryRunner, Search> search) {
        this.runners = runners;
        this.search = search;
    }

    /** Over the embedded dataset and its text index, with the server's timeout. */
    public static ReconcileService embedded(DatasetGraph dataset, Duration timeout) {
        return new ReconcileService(() -> new QueryRunner(dataset, timeout), SearchService::new);
    }

    /**
     * Scored candidates for one query, best first. A query that gives an external identifier as a property value
     * (an ISBN, a Wikidata QID or another IRI our resources state as the same thing) is answered by that alone.
     */
    public List<Candidate> reconcile(ReconcileQuery query) {
        QueryRunner runner = runners.get();
        List<Binding> externalIds = ExternalIds.wanted(query.constraints());
        if (!externalIds.isEmpty()) {
            return byExternalId(runner, query, externalIds);
        }
        String base = query.text();
        List<ReconcileQuery.Constraint> constraints = new ArrayList<>(query.constraints());
        Matcher citation = CITATION.matcher(base);
        if (citation.matches() && !citation.group(1).isBlank()) {
            base = citation.group(1);
            for (String part : citation.group(2).split("[,;]")) {
                String p = part.strip();
                if (YEAR.matcher(p).matches()) {
                    constraints.add(new ReconcileQuery.Constraint(Vocab.DCTERMS + "issued", List.of(new ReconcileQuery.ConstraintValue(p, null))));
                } else if (!p.isEmpty() && !p.equalsIgnoreCase("dir.") && !p.equalsIgnoreCase("ed.")) {
                    constraints.add(new ReconcileQuery.Constraint(Vocab.DCTERMS + "creator", List.of(new ReconcileQuery.ConstraintValue(p, null))));
                }
            }
        }
        if (base.isBlank()) {
            return List.of();
        }
        List<String> iris = candidateIris(runner, base, 30, true);
        if (iris.isEmpty()) {
            return List.of();
        }
        Map<String, EntityFacts> facts = facts(runner, iris);
        // A retired resource that the text names is answered by its successor (one more look-up, only then).
        Map<String, EntityFacts> successors = facts(runner, facts.values().stream().filter(ReconcileService::retired)
                .map(ReconcileService::successorOf).flatMap(Optional::stream).distinct().toList());
        Set<String> wantedTypes = new LinkedHashSet<>();
        query.types().forEach(t -> wantedTypes.add(Vocab.typeIri(t)));
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (EntityFacts named : facts.values()) {
            EntityFacts f = retired(named) ? successorOf(named).map(successors::get).orElse(null) : named;
            if (f == null || retired(f) || !wantedTypes.isEmpty() && wantedTypes.stream().noneMatch(f.types()::contains)) {
                continue;
            }
            double name = nameScore(named, base);
            double props = constraints.isEmpty() ? 0 : constraintScore(f, constraints);
            double score = constraints.isEmpty() ? name : 0.6 * name + 40 * props;
            Candidate c = new Candidate(f, Math.round(score * 10) / 10.0, false, name, props, typesOf(f));
            if (name >= MIN_SCORE && (!best.containsKey(f.iri()) || best.get(f.iri()).score() < c.score())) {
                best.put(f.iri(), c);
            }
        }
        List<Candidate> scored = new ArrayList<>(best.values());
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.entity().iri()));
        if (!scored.isEmpty()) {
            Candidate top = scored.get(0);
            double next = scored.size() > 1 ? scored.get(1).score() : 0;
            if (top.score() >= MATCH_THRESHOLD && top.score() - next >= MATCH_MARGIN) {
                scored.set(0, new Candidate(top.entity(), top.score(), true, top.nameScore(), top.propertyScore(), top.types()));
            }
        }
        return scored.subList(0, Math.min(scored.size(), query.limit()));
    }

    /** The resources stating one of the wanted identifiers: certain when exactly one of the wanted types does. */
    private List<Candidate> byExternalId(QueryRunner runner, ReconcileQuery query, List<Binding> wanted) {
        List<String> iris = new ArrayList<>();
        select(runner, withValues(BY_EXTERNAL_ID, List.of(Var.alloc("p"), Var.alloc("o")), wanted), row -> iris.add(row.get("item").getURI()));
        Set<String> wantedTypes = new LinkedHashSet<>();
        query.types().forEach(t -> wantedTypes.add(Vocab.typeIri(t)));
        List<EntityFacts> found = facts(runner, iris).values().stream()
                .filter(f -> wantedTypes.isEmpty() || wantedTypes.stream().anyMatch(f.types()::contains)).toList();
        List<Candidate> out = new ArrayList<>();
        for (EntityFacts f : found) {
            out.add(new Candidate(f, 100, found.size() == 1, nameScore(f, query.text()), 1, typesOf(f)));
        }
        return out.subList(0, Math.min(out.size(), query.limit()));
    }

    /** Entities whose names start with or contain the prefix (autocomplete), with their facts. */
    public List<EntityFacts> suggest(String prefix, int limit) {
        QueryRunner runner = runners.get();
        List<String> iris = candidateIris(runner, prefix, limit, false);
        Map<String, EntityFacts> facts = facts(runner, iris);
        List<EntityFacts> out = new ArrayList<>();
        iris.forEach(i -> Optional.ofNullable(facts.get(i)).filter(f -> !f.retired()).ifPresent(out::add));
        return out;
    }

    /** The facts of the given entities (unknown IRIs are left out). */
    public Map<String, EntityFacts> facts(List<String> iris) {
        return facts(runners.get(), iris);
    }

    private static Map<String, EntityFacts> facts(QueryRunner runner, List<String> iris) {
        if (iris.isEmpty()) {
            return Map.of();
        }
        Var item = Var.alloc("item");
        List<Binding> rows = new ArrayList<>();
        for (String iri : iris) {
            rows.add(BindingFactory.binding(item, NodeFactory.createURI(iri)));
        }
        Map<String, EntityFacts> out = new LinkedHashMap<>();
        select(runner, withValues(FACTS, List.of(item), rows), row -> {
            String iri = row.get("item").getURI();
            EntityFacts f = out.computeIfAbsent(iri, EntityFacts::new);
            String p = row.get("p").getURI();
            Node o = row.get("o");
            Node label = row.get("oLabel");
            if (p.equals(Vocab.RDF + "type") && o.isURI()) {
                f.addType(o.getURI());
            } else if (o.isURI()) {
                f.add(p, new EntityFacts.Value(o.getURI(), null, "", null,
                        label == null || !label.isLiteral() ? List.of() : List.of(label.getLiteralLexicalForm())));
            } else if (o.isLiteral()) {
                f.add(p, new EntityFacts.Value(null, o.getLiteralLexicalForm(), o.getLiteralLanguage(),
                        o.getLiteralDatatypeURI(), List.of()));
            }
        });
        Map<String, EntityFacts> ordered = new LinkedHashMap<>();
        iris.forEach(i -> Optional.ofNullable(out.get(i)).filter(f -> !f.types().isEmpty() || f.name() != null)
                .ifPresent(f -> ordered.put(i, f)));
        return ordered;
    }

    /** True for a deprecated resource (owl:deprecated true): it keeps its IRI but is no longer a candidate itself. */
    static boolean retired(EntityFacts f) {
        return f.values(Vocab.OWL_DEPRECATED).stream().anyMatch(v -> !v.isIri() && "true".equals(v.lexical()));
    }

    /** The resource that replaces a retired one (dcterms:isReplacedBy), if it names one. */
    static Optional<String> successorOf(EntityFacts f) {
        return f.values(Vocab.DCTERMS + "isReplacedBy").stream().filter(EntityFacts.Value::isIri).map(EntityFacts.Value::iri).findFirst();
    }

    /** The query with the rows bound as a VALUES block placed before its pattern (in the algebra, never as text). */
    private static Query withValues(Query query, List<Var> vars, List<Binding> rows) {
        Query q = query.cloneQuery();
        ElementGroup group = new ElementGroup();
        group.addElement(new ElementData(vars, rows));
        group.addElement(q.getQueryPattern());
        q.setQueryPattern(group);
        return q;
    }

    private static void select(QueryRunner runner, Query q, Consumer<Binding> each) {
        runner.select(q, Map.of()).forEach(each);
    }

    private List<String> candidateIris(QueryRunner runner, String text, int limit, boolean withRetired) {
        String t = text.length() > SearchRequest.MAX_TEXT_LENGTH ? text.substring(0, SearchRequest.MAX_TEXT_LENGTH) : text;
        List<SearchHit> hits;
        try {
            SearchRequest request = new SearchRequest(t, Optional.empty(), Math.min(limit, SearchRequest.MAX_LIMIT));
            Search candidates = search.apply(runner);
            hits = withRetired ? candidates.searchWithRetired(request) : candidates.search(request);
        } catch (IllegalArgumentException e) {
            return List.of(); // nothing searchable in the text (only punctuation, …): no candidate
        }
        return hits.stream().map(SearchHit::iri).distinct().toList();
    }

    /**
     * 100 for a whole preferred name, 95 for an alternative label, 88 for a main title, 80 for part of a name
     * (surname, initials), else shared words (up to 80).
     */
    static double nameScore(EntityFacts f, String text) {
        String wanted = Matching.fold(text);
        double best = 0;
        for (String p : Vocab.NAME_PROPERTIES) {
            for (EntityFacts.Value v : f.values(p)) {
                if (v.isIri()) {
                    continue;
                }
                String name = v.lexical();
                if (Matching.fold(name).equals(wanted)) {
                    return 100;
                }
                if (!Matching.mainTitle(name).equals(name) && Matching.fold(Matching.mainTitle(name)).equals(wanted)) {
                    best = Math.max(best, 88);
                }
                best = Math.max(best, 80 * Matching.wordSimilarity(name, text));
                if (Matching.partOfName(name, text)) {
                    best = Math.max(best, 80); // a surname, or initials and surname: likely, never certain alone
                }
            }
        }
        for (String p : Vocab.ALT_NAME_PROPERTIES) {
            for (EntityFacts.Value v : f.values(p)) {
                if (!v.isIri()) {
                    if (Matching.fold(v.lexical()).equals(wanted)) {
                        best = Math.max(best, 95);
                    }
                    best = Math.max(best, 75 * Matching.wordSimilarity(v.lexical(), text));
                }
            }
        }
        return Math.round(best * 10) / 10.0;
    }

    /** The share of constraints (0–1) the entity satisfies. */
    static double constraintScore(EntityFacts f, List<ReconcileQuery.Constraint> constraints) {
        int met = 0;
        for (ReconcileQuery.Constraint c : constraints) {
            String property = Vocab.propertyIri(c.property());
            List<EntityFacts.Value> have = f.values(property);
            boolean ok = c.values().stream().anyMatch(want -> have.stream().anyMatch(v -> satisfies(v, want)));
            if (ok) {
                met++;
            }
        }
        return constraints.isEmpty() ? 0 : (double) met / constraints.size();
    }

    private static boolean satisfies(EntityFacts.Value have, ReconcileQuery.ConstraintValue want) {
        if (want.iri() != null) {
            return want.iri().equals(have.iri());
        }
        String text = want.text();
        if (text == null || text.isBlank()) {
            return false;
        }
        if (have.isIri()) {
            return have.labels().stream().anyMatch(l -> Matching.fold(l).equals(Matching.fold(text))
                    || Matching.containsWords(l, text) || Matching.fold(Matching.mainTitle(l)).equals(Matching.fold(text)));
        }
        String lexical = have.lexical();
        if (YEAR.matcher(text.strip()).matches()) {
            return lexical.startsWith(text.strip());
        }
        return Matching.fold(lexical).equals(Matching.fold(text)) || Matching.containsWords(lexical, text);
    }

    static List<Vocab.Term> typesOf(EntityFacts f) {
        return Vocab.TYPES.stream().filter(t -> f.types().contains(t.id())).toList();
    }

    static Query load(String resource) {
        try (InputStream in = ReconcileService.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SPARQL resource " + resource + " is missing from the classpath");
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
