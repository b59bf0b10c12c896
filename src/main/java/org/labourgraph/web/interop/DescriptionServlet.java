package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.labourgraph.export.DatasetDescription;
import org.labourgraph.export.DatasetStatistics;
import org.labourgraph.export.DumpFormat;
import org.labourgraph.render.Pages;
import org.labourgraph.web.site.Conneg;

/**
 * {@code /.well-known/void} and {@code /dataset}: the VoID + DCAT description, by content negotiation as Turtle,
 * JSON-LD, N-Triples or RDF/XML, or as an HTML page for people (from the dataset.html template).
 */
final class DescriptionServlet extends HttpServlet {
    private static final List<String> OFFERS = List.of("text/turtle", "application/ld+json", "application/n-triples",
            "application/rdf+xml", "text/html");
    private static final Map<String, RDFFormat> WRITERS = Map.of(
            "text/turtle", RDFFormat.TURTLE_PRETTY,
            "application/ld+json", RDFFormat.JSONLD,
            "application/n-triples", RDFFormat.NTRIPLES,
            "application/rdf+xml", RDFFormat.RDFXML_PRETTY);

    private final transient DescriptionCache cache;
    private final String datasetIri;

    DescriptionServlet(DescriptionCache cache, String datasetIri) {
        this.cache = cache;
        this.datasetIri = datasetIri;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = Conneg.choose(request.getHeader("Accept"), OFFERS).orElse(null);
        if (type == null) {
            Plain.send(response, 406, "text/plain", "Not acceptable: this description is served as text/turtle,"
                    + " application/ld+json, application/n-triples, application/rdf+xml or text/html.\n");
            return;
        }
        DatasetStatistics stats = cache.current();
        response.setHeader("Vary", "Accept");
        response.addHeader("Link", "</.well-known/void>; rel=\"describedby\"; type=\"text/turtle\"");
        for (String alt : List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")) {
            response.addHeader("Link", "<" + request.getRequestURI() + ">; rel=\"alternate\"; type=\"" + alt + "\"");
        }
        if (HttpValidators.notModified(request, response, stats.version(), "description-" + type.replace('/', '_'),
                stats.lastChange())) {
            return;
        }
        String site = SiteAddress.of(request);
        byte[] body;
        if (type.equals("text/html")) {
            body = html(stats, site).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            Model model = DatasetDescription.build(stats, datasetIri, site);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, model, WRITERS.get(type));
            body = out.toByteArray();
        }
        response.setStatus(200);
        response.setContentType(type + ";charset=utf-8");
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }

    private String html(DatasetStatistics stats, String site) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (DumpFormat f : DumpFormat.values()) {
            String url = site + "dumps/labourgraph." + f.extension();
            rows.add(Map.of("format", f.displayName(), "url", url, "gzUrl", url + ".gz", "mediaType", f.mediaType(),
                    "graphs", f.keepsGraphs() ? "one named graph per source file" : "graphs merged"));
        }
        String skos = site + "dumps/labourgraph-skos.ttl";
        rows.add(Map.of("format", "SKOS thesaurus (Turtle)", "url", skos, "gzUrl", skos + ".gz",
                "mediaType", "text/turtle", "graphs", "concepts, labels, definitions, hierarchy"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", stats.titles().getOrDefault("en", stats.titles().values().stream().findFirst().orElse("labourgraph")));
        values.put("description", stats.descriptions().getOrDefault("en", ""));
        values.put("triples", String.format("%,d", stats.triples()));
        values.put("entities", String.format("%,d", stats.entities()));
        values.put("classes", String.format("%,d", stats.classes()));
        values.put("properties", String.format("%,d", stats.properties()));
        values.put("graphs", Integer.toString(stats.graphs().size()));
        values.put("licence", String.join(" ", stats.licences()));
        values.put("modified", stats.lastChange().toString());
        values.put("sparql", site + "sparql");
        values.put("datasetIri", datasetIri);
        return Pages.render("dataset.jte", Map.of("values", values, "rows", rows));
    }
}
