package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.query.QueryCancelledException;
import org.labourgraph.reconcile.Candidate;
import org.labourgraph.reconcile.EntityFacts;
import org.labourgraph.reconcile.ReconcileQuery;
import org.labourgraph.reconcile.ReconcileService;
import org.labourgraph.reconcile.Vocab;
import org.labourgraph.render.Pages;

/**
 * The Reconciliation Service API 0.2 at {@code /reconcile}: the manifest, batch queries ({@code queries=}, GET
 * or POST), suggest ({@code /suggest/entity|type|property?prefix=}), previews ({@code /preview?id=}), property
 * proposals ({@code /properties?type=}) and data extension ({@code extend=}). JSONP with {@code callback=}
 * (a JavaScript identifier, checked); CORS from the server's filter.
 */
final class ReconcileServlet extends HttpServlet {
    static final int MAX_QUERIES = 100;
    static final int MAX_EXTEND_IDS = 500;
    private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*){0,4}");

    private final transient ReconcileService service;
    private final String name;
    private final String identifierSpace;
    private final String schemaSpace;

    ReconcileServlet(ReconcileService service, String name, String identifierSpace, String schemaSpace) {
        this.service = service;
        this.name = name;
        this.identifierSpace = identifierSpace;
        this.schemaSpace = schemaSpace;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response);
    }

    /** A client error with its message. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String callback = request.getParameter("callback");
        if (callback != null && !CALLBACK.matcher(callback).matches()) {
            Plain.send(response, 400, "text/plain", "Parameter 'callback' must be a JavaScript identifier (letters, digits, _ and $,"
                    + " dots between names), e.g. callback=jQuery123_456.\n");
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            switch (path) {
                case "", "/" -> {
                    if (request.getParameter("queries") != null) {
                        send(response, callback, batch(request.getParameter("queries")));
                    } else if (request.getParameter("extend") != null) {
                        send(response, callback, extend(request.getParameter("extend")));
                    } else {
                        send(response, callback, manifest(SiteAddress.of(request)));
                    }
                }
                case "/suggest/entity" -> send(response, callback, suggestEntities(required(request, "prefix"), limit(request)));
                case "/suggest/type" -> send(response, callback, suggestTerms(required(request, "prefix"), Vocab.TYPES));
                case "/suggest/property" -> send(response, callback, suggestTerms(required(request, "prefix"), Vocab.allProperties()));
                case "/properties" -> send(response, callback, proposeProperties(request.getParameter("type"), limit(request)));
                case "/preview" -> preview(required(request, "id"), response);
                default -> Plain.notFound(response, "No such reconciliation path; the manifest at /reconcile lists the services.");
            }
        } catch (BadRequest e) {
            JsonObject error = new JsonObject();
            error.put("status", 400);
            error.put("message", e.getMessage());
            JsonObject body = new JsonObject();
            body.put("error", error);
            sendStatus(response, 400, callback, body);
        } catch (QueryCancelledException e) {
            Plain.send(response, 503, "text/plain", "The reconciliation took too long and was stopped; send fewer queries at once.\n");
        }
    }

    private static String required(HttpServletRequest request, String param) throws BadRequest {
        String v = request.getParameter(param);
        if (v == null || v.isBlank()) {
            throw new BadRequest("Parameter '" + param + "' is required.");
        }
        return v;
    }

    private static int limit(HttpServletRequest request) throws BadRequest {
        String l = request.getParameter("limit");
        if (l == null || l.isBlank()) {
            return 10;
        }
        try {
            return Math.max(1, Math.min(Integer.parseInt(l.strip()), 50));
        } catch (NumberFormatException e) {
            throw new BadRequest("Parameter 'limit' must be a whole number.");
        }
    }

    JsonObject manifest(String site) {
        JsonObject m = new JsonObject();
        JsonArray versions = new JsonArray();
        versions.add("0.2");
        m.put("versions", versions);
        m.put("name", name);
        m.put("identifierSpace", identifierSpace);
        m.put("schemaSpace", schemaSpace);
        m.put("documentation", site + "dataset");
        m.put("serviceVersion", "0.2");
        JsonObject view = new JsonObject();
        view.put("url", "{{id}}");
        m.put("view", view);
        JsonObject preview = new JsonObject();
        preview.put("url", site + "reconcile/preview?id={{id}}");
        preview.put("width", 430);
        preview.put("height", 300);
        m.put("preview", preview);
        JsonObject suggest = new JsonObject();
        for (String kind : List.of("entity", "type", "property")) {
            JsonObject s = new JsonObject();
            s.put("service_url", site + "reconcile");
            s.put("service_path", "/suggest/" + kind);
            suggest.put(kind, s);
        }
        m.put("suggest", suggest);
        JsonObject extend = new JsonObject();
        JsonObject propose = new JsonObject();
        propose.put("service_url", site + "reconcile");
        propose.put("service_path", "/properties");
        extend.put("propose_properties", propose);
        extend.put("property_settings", new JsonArray());
        m.put("extend", extend);
        JsonArray types = new JsonArray();
        Vocab.DEFAULT_TYPES.forEach(t -> types.add(type(t)));
        m.put("defaultTypes", types);
        return m;
    }

    private JsonObject batch(String queriesJson) throws BadRequest {
        JsonObject queries = parseObject(queriesJson, "queries");
        if (queries.keys().size() > MAX_QUERIES) {
            throw new BadRequest("At most " + MAX_QUERIES + " queries per batch (got " + queries.keys().size() + ").");
        }
        JsonObject out = new JsonObject();
        for (String key : queries.keys()) {
            JsonValue q = queries.get(key);
            if (!q.isObject()) {
                throw new BadRequest("Query '" + key + "' must be an object with a 'query' text.");
            }
            JsonArray results = new JsonArray();
            for (Candidate c : service.reconcile(parseQuery(key, q.getAsObject()))) {
                JsonObject r = new JsonObject();
                r.put("id", c.entity().iri());
                r.put("name", c.entity().name());
                String description = c.entity().description();
                if (description != null) {
                    r.put("description", description);
                }
                r.put("score", JsonNumber.value(c.score()));
                r.put("match", c.match());
                JsonArray features = new JsonArray();
                features.add(feature("name", c.nameScore() / 100.0));
                features.add(feature("properties", c.propertyScore()));
                r.put("features", features);
                JsonArray types = new JsonArray();
                c.types().forEach(t -> types.add(type(t)));
                r.put("type", types);
                results.add(r);
            }
            JsonObject result = new JsonObject();
            result.put("result", results);
            out.put(key, result);
        }
        return out;
    }

    private static ReconcileQuery parseQuery(String key, JsonObject q) throws BadRequest {
        String text = q.hasKey("query") && q.get("query").isString() ? q.get("query").getAsString().value() : "";
        List<String> types = new ArrayList<>();
        if (q.hasKey("type")) {
            JsonValue t = q.get("type");
            if (t.isString()) {
                types.add(t.getAsString().value());
            } else if (t.isArray()) {
                for (JsonValue v : t.getAsArray()) {
                    if (v.isString()) {
                        types.add(v.getAsString().value());
                    }
                }
            }
        }
        int limit = 10;
        if (q.hasKey("limit") && q.get("limit").isNumber()) {
            limit = q.get("limit").getAsNumber().value().intValue();
        }
        List<ReconcileQuery.Constraint> constraints = new ArrayList<>();
        if (q.hasKey("properties") && q.get("properties").isArray()) {
            for (JsonValue p : q.get("properties").getAsArray()) {
                if (!p.isObject() || !p.getAsObject().hasKey("pid") || !p.getAsObject().hasKey("v")) {
                    throw new BadRequest("Query '" + key + "': each property needs 'pid' and 'v'.");
                }
                JsonObject po = p.getAsObject();
                List<ReconcileQuery.ConstraintValue> values = new ArrayList<>();
                JsonValue v = po.get("v");
                if (v.isArray()) {
                    for (JsonValue x : v.getAsArray()) {
                        values.add(constraintValue(x));
                    }
                } else {
                    values.add(constraintValue(v));
                }
                constraints.add(new ReconcileQuery.Constraint(po.get("pid").getAsString().value(), values));
            }
        }
        return new ReconcileQuery(text, types, constraints, limit);
    }

    private static ReconcileQuery.ConstraintValue constraintValue(JsonValue v) {
        if (v.isObject() && v.getAsObject().hasKey("id")) {
            return new ReconcileQuery.ConstraintValue(null, v.getAsObject().get("id").getAsString().value());
        }
        if (v.isString()) {
            return new ReconcileQuery.ConstraintValue(v.getAsString().value(), null);
        }
        if (v.isNumber()) {
            return new ReconcileQuery.ConstraintValue(v.getAsNumber().value().toString(), null);
        }
        return new ReconcileQuery.ConstraintValue(v.toString(), null);
    }

    private JsonObject suggestEntities(String prefix, int limit) {
        JsonArray results = new JsonArray();
        for (EntityFacts f : service.suggest(prefix, limit)) {
            JsonObject r = new JsonObject();
            r.put("id", f.iri());
            r.put("name", f.name());
            if (f.description() != null) {
                r.put("description", f.description());
            }
            JsonArray notable = new JsonArray();
            Vocab.TYPES.stream().filter(t -> f.types().contains(t.id())).forEach(t -> notable.add(type(t)));
            r.put("notable", notable);
            results.add(r);
        }
        JsonObject body = new JsonObject();
        body.put("result", results);
        return body;
    }

    private static JsonObject suggestTerms(String prefix, List<Vocab.Term> terms) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        JsonArray results = new JsonArray();
        for (Vocab.Term t : terms) {
            if (t.name().toLowerCase(Locale.ROOT).contains(p) || t.id().toLowerCase(Locale.ROOT).contains(p)) {
                results.add(term(t));
            }
        }
        JsonObject body = new JsonObject();
        body.put("result", results);
        return body;
    }

    private static JsonObject proposeProperties(String type, int limit) throws BadRequest {
        List<Vocab.Term> props;
        String typeIri = null;
        if (type == null || type.isBlank()) {
            props = Vocab.allProperties();
        } else {
            typeIri = Vocab.DEFAULT_TYPES.stream().filter(t -> t.id().equals(type) || t.name().equalsIgnoreCase(type))
                    .map(Vocab.Term::id).findFirst().orElseThrow(() -> new BadRequest("Unknown type '" + type
                            + "': use one of the manifest's defaultTypes."));
            props = Vocab.PROPERTIES_BY_TYPE.get(typeIri);
        }
        JsonArray list = new JsonArray();
        props.stream().limit(limit).forEach(t -> list.add(term(t)));
        JsonObject body = new JsonObject();
        if (typeIri != null) {
            body.put("type", typeIri);
        }
        body.put("limit", limit);
        body.put("properties", list);
        return body;
    }

    private JsonObject extend(String extendJson) throws BadRequest {
        JsonObject q = parseObject(extendJson, "extend");
        if (!q.hasKey("ids") || !q.get("ids").isArray() || !q.hasKey("properties") || !q.get("properties").isArray()) {
            throw new BadRequest("'extend' needs 'ids' (an array of entity identifiers) and 'properties' (an array of {\"id\": …}).");
        }
        List<String> ids = new ArrayList<>();
        for (JsonValue v : q.get("ids").getAsArray()) {
            if (v.isString()) {
                ids.add(v.getAsString().value());
            }
        }
        if (ids.size() > MAX_EXTEND_IDS) {
            throw new BadRequest("At most " + MAX_EXTEND_IDS + " ids per extension request.");
        }
        List<String> props = new ArrayList<>();
        for (JsonValue v : q.get("properties").getAsArray()) {
            if (v.isObject() && v.getAsObject().hasKey("id")) {
                props.add(v.getAsObject().get("id").getAsString().value());
            }
        }
        Map<String, Vocab.Term> known = new LinkedHashMap<>();
        Vocab.allProperties().forEach(t -> known.put(t.id(), t));
        JsonArray meta = new JsonArray();
        for (String p : props) {
            Vocab.Term t = known.get(p);
            JsonObject m = new JsonObject();
            m.put("id", p);
            m.put("name", t != null ? t.name() : p);
            meta.add(m);
        }
        Map<String, EntityFacts> facts = service.facts(ids.stream().filter(i -> i.startsWith("http")).toList());
        JsonObject rows = new JsonObject();
        for (String id : ids) {
            JsonObject row = new JsonObject();
            EntityFacts f = facts.get(id);
            for (String p : props) {
                JsonArray values = new JsonArray();
                if (f != null && known.containsKey(p)) {
                    for (EntityFacts.Value v : f.values(p)) {
                        values.add(extensionValue(v, facts));
                    }
                }
                row.put(p, values);
            }
            rows.put(id, row);
        }
        JsonObject body = new JsonObject();
        body.put("meta", meta);
        body.put("rows", rows);
        return body;
    }

    private static JsonObject extensionValue(EntityFacts.Value v, Map<String, EntityFacts> facts) {
        JsonObject o = new JsonObject();
        if (v.isIri()) {
            o.put("id", v.iri());
            o.put("name", v.labels().isEmpty() ? v.iri() : v.labels().get(0));
            return o;
        }
        String dt = v.datatype() == null ? "" : v.datatype();
        String xsd = "http://www.w3.org/2001/XMLSchema#";
        if (dt.equals(xsd + "date") && v.lexical().matches("-?\\d{4}-\\d{2}-\\d{2}")) {
            o.put("date", v.lexical() + "T00:00:00Z");
        } else if (dt.equals(xsd + "dateTime") && v.lexical().matches("-?\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?")) {
            o.put("date", v.lexical().matches(".*(Z|[+-]\\d{2}:\\d{2})$") ? v.lexical() : v.lexical() + "Z");
        } else if ((dt.equals(xsd + "integer") || dt.equals(xsd + "positiveInteger") || dt.equals(xsd + "nonNegativeInteger"))
                && v.lexical().matches("-?\\d{1,18}")) {
            o.put("int", Long.parseLong(v.lexical()));
        } else if (dt.equals(xsd + "decimal") || dt.equals(xsd + "double") || dt.equals(xsd + "float")) {
            try {
                o.put("float", JsonNumber.value(Double.parseDouble(v.lexical())));
            } catch (NumberFormatException e) {
                o.put("str", v.lexical());
            }
        } else {
            o.put("str", v.lexical()); // strings, language-tagged text, and years (xsd:gYear is not a date-time)
        }
        return o;
    }

    private void preview(String id, HttpServletResponse response) throws IOException {
        EntityFacts f = service.facts(List.of(id).stream().filter(i -> i.startsWith("http")).toList()).get(id);
        if (f == null) {
            Plain.notFound(response, "No entity " + id + " in labourgraph.");
            return;
        }
        String types = String.join(", ", Vocab.TYPES.stream().filter(t -> f.types().contains(t.id())).map(Vocab.Term::name).toList());
        String labelFr = f.literal(Vocab.SKOS + "prefLabel", "fr");
        String page = Pages.render("reconcile-preview.jte", Map.of(
                "name", f.name(),
                "iri", f.iri(),
                "types", types.isEmpty() ? "resource" : types,
                "otherName", labelFr != null && !labelFr.equals(f.name()) ? labelFr : "",
                "description", f.description() == null ? "" : f.description()));
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static JsonObject parseObject(String json, String param) throws BadRequest {
        try {
            JsonValue v = JSON.parseAny(json);
            if (!v.isObject()) {
                throw new BadRequest("Parameter '" + param + "' must be a JSON object.");
            }
            return v.getAsObject();
        } catch (JsonException e) {
            throw new BadRequest("Parameter '" + param + "' is not valid JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new BadRequest("Parameter '" + param + "' is not valid JSON: " + e.getMessage());
        }
    }

    private static JsonObject type(Vocab.Term t) {
        JsonObject o = new JsonObject();
        o.put("id", t.id());
        o.put("name", t.name());
        return o;
    }

    private static JsonObject term(Vocab.Term t) {
        JsonObject o = type(t);
        if (t.description() != null) {
            o.put("description", t.description());
        }
        return o;
    }

    private static JsonObject feature(String id, double value) {
        JsonObject o = new JsonObject();
        o.put("id", id);
        o.put("value", JsonNumber.value(Math.round(value * 1000) / 1000.0));
        return o;
    }

    private static void send(HttpServletResponse response, String callback, JsonObject body) throws IOException {
        sendStatus(response, 200, callback, body);
    }

    private static void sendStatus(HttpServletResponse response, int status, String callback, JsonObject body) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        JSON.write(json, body);
        byte[] bytes;
        if (callback != null) {
            bytes = (callback + "(" + json.toString(StandardCharsets.UTF_8) + ");").getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/javascript;charset=utf-8");
            response.setStatus(200); // JSONP callers cannot read a status; the error travels in the body
        } else {
            bytes = json.toByteArray();
            response.setContentType("application/json;charset=utf-8");
            response.setStatus(status);
        }
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
