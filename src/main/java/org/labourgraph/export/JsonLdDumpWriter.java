package org.labourgraph.export;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.jsonld.JSONLDMode;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;
import org.labourgraph.vocab.Prefixes;

/**
 * A compacted JSON-LD dump, streamed: {@code {"@context": "<url of /context.jsonld>", "@graph": [ … ]}}.
 * Statements are taken a batch of subjects at a time; Rio compacts each batch with the project's prefixes
 * (the same map as the published context), and its node objects are appended to {@code @graph}. A subject
 * that comes back in a later batch (stated in another source graph) gives a second node object with the
 * same {@code @id}, which JSON-LD processors merge.
 */
final class JsonLdDumpWriter implements AutoCloseable {
    static final int SUBJECTS_PER_BATCH = 200;

    private final JsonGenerator out;
    private final List<Statement> batch = new ArrayList<>();
    private final Set<Resource> batchSubjects = new HashSet<>();
    private Resource lastSubject;

    JsonLdDumpWriter(OutputStream stream, String contextUrl) {
        this.out = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(stream, StandardCharsets.UTF_8);
        out.writeStartObject();
        out.write("@context", contextUrl);
        out.writeStartArray("@graph");
    }

    void handle(Statement st) {
        if (!st.getSubject().equals(lastSubject)) {
            if (batchSubjects.size() >= SUBJECTS_PER_BATCH) {
                flush();
            }
            lastSubject = st.getSubject();
            batchSubjects.add(lastSubject);
        }
        batch.add(st);
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        StringWriter text = new StringWriter();
        RDFWriter writer = Rio.createWriter(RDFFormat.JSONLD, text);
        writer.getWriterConfig().set(JSONLDSettings.JSONLD_MODE, JSONLDMode.COMPACT);
        writer.startRDF();
        Prefixes.ALL.forEach(writer::handleNamespace);
        batch.forEach(writer::handleStatement);
        writer.endRDF();
        try (JsonReader reader = Json.createReader(new StringReader(text.toString()))) {
            JsonValue doc = reader.readValue();
            for (JsonValue node : nodesOf(doc)) {
                out.write(node);
            }
        }
        batch.clear();
        batchSubjects.clear();
    }

    /** The node objects of a compacted document: its {@code @graph}, or the document itself without {@code @context}. */
    private static List<JsonValue> nodesOf(JsonValue doc) {
        if (doc.getValueType() == JsonValue.ValueType.ARRAY) {
            return new ArrayList<>(doc.asJsonArray());
        }
        JsonObject o = doc.asJsonObject();
        if (o.containsKey("@graph")) {
            JsonArray graph = o.getJsonArray("@graph");
            return new ArrayList<>(graph);
        }
        var copy = Json.createObjectBuilder(o);
        copy.remove("@context");
        return List.of(copy.build());
    }

    @Override
    public void close() {
        flush();
        out.writeEnd();
        out.writeEnd();
        out.flush();
    }

    /** The context published at /context.jsonld: the project's prefixes. */
    static JsonObject context() {
        var map = Json.createObjectBuilder();
        Prefixes.ALL.forEach(map::add);
        return Json.createObjectBuilder().add("@context", map).build();
    }
}
