package org.labourgraph.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the graph says of one entity, as reconciliation compares and shows it. */
public final class EntityFacts {
    /** A value of a property: an IRI with its labels, or a literal. */
    public record Value(String iri, String lexical, String lang, String datatype, List<String> labels) {
        public boolean isIri() {
            return iri != null;
        }
    }

    private final String iri;
    private final Set<String> types = new LinkedHashSet<>();
    private final Map<String, List<Value>> values = new LinkedHashMap<>();

    EntityFacts(String iri) {
        this.iri = iri;
    }

    public String iri() {
        return iri;
    }

    public Set<String> types() {
        return types;
    }

    void addType(String type) {
        types.add(type);
    }

    void add(String property, Value v) {
        List<Value> list = values.computeIfAbsent(property, k -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            Value old = list.get(i);
            boolean same = v.isIri() ? v.iri().equals(old.iri())
                    : !old.isIri() && old.lexical().equals(v.lexical()) && old.lang().equals(v.lang());
            if (same) {
                if (v.isIri() && !v.labels().isEmpty()) {
                    List<String> merged = new ArrayList<>(old.labels());
                    v.labels().stream().filter(l -> !merged.contains(l)).forEach(merged::add);
                    list.set(i, new Value(old.iri(), null, "", null, merged));
                }
                return;
            }
        }
        list.add(v);
    }

    /** The values of a property (IRI), possibly empty. */
    public List<Value> values(String property) {
        return values.getOrDefault(property, List.of());
    }

    /** The first literal of a property in the language, else in English, else French, else any. */
    public String literal(String property, String lang) {
        List<Value> vs = values(property);
        for (String l : new String[] {lang, "en", "fr", ""}) {
            for (Value v : vs) {
                if (!v.isIri() && (l == null || v.lang().equals(l))) {
                    return v.lexical();
                }
            }
        }
        return vs.stream().filter(v -> !v.isIri()).map(Value::lexical).findFirst().orElse(null);
    }

    /** A display name: preferred label, label, title or name — English first. */
    public String name() {
        for (String p : Vocab.NAME_PROPERTIES) {
            String s = literal(p, "en");
            if (s != null) {
                return s;
            }
        }
        return iri;
    }

    /**
     * Whether the entity is retired ({@code owl:deprecated true}): it keeps its IRI, and its labels now name its
     * successor, so reconciliation never proposes it as a candidate.
     */
    public boolean retired() {
        return values("http://www.w3.org/2002/07/owl#deprecated").stream().anyMatch(v -> !v.isIri() && "true".equals(v.lexical()));
    }

    /** A short description: definition or description, English first. */
    public String description() {
        String d = literal(Vocab.SKOS + "definition", "en");
        return d != null ? d : literal(Vocab.SCHEMA + "description", "en");
    }
}
