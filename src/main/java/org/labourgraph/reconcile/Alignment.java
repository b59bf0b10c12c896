package org.labourgraph.reconcile;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.labourgraph.store.LabourStore;

/**
 * {@code labourgraph align}: sends the English labels of our resources to a Reconciliation API (0.2) service and
 * turns its candidates at or above a score into SSSOM rows for a curator to review — justified by
 * {@code semapv:LexicalMatching}, never asserted. A curator accepts a row by giving its evidence (see_also) and
 * changing its justification to {@code semapv:ManualMappingCuration}; {@code labourgraph load} then adds the accepted
 * rows as links with their records.
 */
public final class Alignment {
    public static final List<String> COLUMNS = List.of("subject_id", "subject_label", "predicate_id", "object_id", "object_label",
            "mapping_justification", "confidence", "mapping_tool", "mapping_date", "see_also");
    private static final Query SUBJECTS = ReconcileService.load("align-subjects.rq");
    private static final int BATCH = 10;

    /** One resource of ours to align. */
    public record Subject(String iri, String label, boolean concept) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI service;
    private final String type;
    private final double threshold;
    private final int perSubject;

    /**
     * @param service the service's address (its manifest), e.g. {@code https://…/reconcile}
     * @param type the service's type to restrict candidates to, or null
     * @param threshold the lowest score (0–100) kept
     * @param perSubject the most candidates kept for one resource
     */
    public Alignment(URI service, String type, double threshold, int perSubject) {
        this.service = service;
        this.type = type;
        this.threshold = threshold;
        this.perSubject = perSubject;
    }

    /** Our resources under {@code idSpace} with an English label, in IRI order. */
    public static List<Subject> subjects(DatasetGraph dataset, String idSpace) {
        List<Subject> out = new ArrayList<>();
        Txn.executeRead(dataset, () -> {
            var values = BindingFactory.builder()
                    .add(Var.alloc("entailments"), NodeFactory.createURI(LabourStore.ENTAILMENT_GRAPH))
                    .add(Var.alloc("idSpace"), NodeFactory.createLiteralString(idSpace)).build();
            try (QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(SUBJECTS).substitution(values).build()) {
                exec.select().forEachRemaining(r -> out.add(new Subject(r.get("s").getURI(), r.get("label").getLiteralLexicalForm(),
                        "true".equals(r.get("concept").getLiteralLexicalForm()))));
            }
        });
        return out;
    }

    /** The candidates of the service for the subjects, as SSSOM rows (full IRIs), best first per subject. */
    public List<Map<String, String>> candidates(List<Subject> subjects) throws IOException, InterruptedException {
        String identifierSpace = manifest().getString("identifierSpace");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int from = 0; from < subjects.size(); from += BATCH) {
            List<Subject> batch = subjects.subList(from, Math.min(from + BATCH, subjects.size()));
            JsonObject queries = new JsonObject();
            for (int i = 0; i < batch.size(); i++) {
                JsonObject q = new JsonObject();
                q.put("query", batch.get(i).label());
                q.put("limit", perSubject);
                if (type != null) {
                    q.put("type", type);
                }
                queries.put("q" + i, q);
            }
            JsonObject answer = post("queries=" + URLEncoder.encode(queries.toString(), StandardCharsets.UTF_8));
            for (int i = 0; i < batch.size(); i++) {
                JsonValue result = answer.hasKey("q" + i) ? answer.get("q" + i).getAsObject().get("result") : null;
                if (result != null && result.isArray()) {
                    rows.addAll(rowsOf(batch.get(i), result.getAsArray(), identifierSpace));
                }
            }
        }
        return rows;
    }

    private List<Map<String, String>> rowsOf(Subject s, JsonArray results, String identifierSpace) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonValue v : results) {
            JsonObject c = v.getAsObject();
            double score = c.get("score").getAsNumber().value().doubleValue();
            if (score < threshold || rows.size() >= perSubject) {
                continue;
            }
            String id = c.getString("id");
            Map<String, String> row = new LinkedHashMap<>();
            row.put("subject_id", s.iri());
            row.put("subject_label", s.label());
            row.put("predicate_id", s.concept() ? "http://www.w3.org/2004/02/skos/core#exactMatch" : "https://schema.org/sameAs");
            row.put("object_id", id.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*") ? id : identifierSpace + id);
            row.put("object_label", c.hasKey("name") ? c.getString("name") : "");
            row.put("mapping_justification", "https://w3id.org/semapv/vocab/LexicalMatching");
            row.put("confidence", String.format(Locale.ROOT, "%.2f", Math.min(score, 100) / 100));
            row.put("mapping_tool", "labourgraph align");
            row.put("mapping_date", LocalDate.now().toString());
            row.put("see_also", "");
            rows.add(row);
        }
        return rows;
    }

    private JsonObject manifest() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(service).GET());
    }

    private JsonObject post(String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(service).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private JsonObject send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the reconciliation service " + service + " answered " + r.statusCode()
                    + ": check the address (it is the service's manifest URL, e.g. …/reconcile)");
        }
        try {
            return JSON.parse(r.body());
        } catch (RuntimeException e) {
            throw new IOException("the reconciliation service " + service + " did not answer JSON: " + e.getMessage(), e);
        }
    }
}
