package org.labourgraph.web.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The Reconciliation API 0.2 JSON Schemas, resolved offline: their {@code $id}s and the swagger reference map to
 * copies on the test classpath; their generic {@code $schema} is read as draft 7.
 */
final class ReconcileSchemas {
    static final String BASE = "https://reconciliation-api.github.io/specs/0.2/schemas/";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix(BASE, "classpath:reconciliation-api-0.2/schemas/")
                    .mapPrefix("https://reconciliation-api.github.io/specs/draft/schemas/", "classpath:reconciliation-api-0.2/schemas/")
                    .mapPrefix("http://swagger.io/v2/schema.json", "classpath:reconciliation-api-0.2/swagger-stub.json")));

    private ReconcileSchemas() {}

    static JsonSchema schema(String file) {
        try (InputStream in = ReconcileSchemas.class.getResourceAsStream("/reconciliation-api-0.2/schemas/" + file)) {
            ObjectNode node = (ObjectNode) JSON.readTree(in);
            node.remove("$schema"); // "http://json-schema.org/schema#" names no draft; validate as draft 7
            return FACTORY.getSchema(SchemaLocation.of(BASE + file), node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode assertValid(String schemaFile, String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Set<ValidationMessage> errors = schema(schemaFile).validate(node);
            assertTrue(errors.isEmpty(), schemaFile + ": " + errors + "\n" + json);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
