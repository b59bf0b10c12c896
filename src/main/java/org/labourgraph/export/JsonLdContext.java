package org.labourgraph.export;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;

/** The project's JSON-LD context (published at {@code /context.jsonld}, referenced by the JSON-LD dump). */
public final class JsonLdContext {
    private JsonLdContext() {}

    /** The context document as pretty-printed JSON text. */
    public static String document() {
        StringWriter text = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.writeObject(JsonLdDumpWriter.context());
        }
        return text.toString().strip() + "\n";
    }
}
