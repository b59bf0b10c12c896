package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.labourgraph.export.DatasetStatistics;
import org.labourgraph.export.PublicResources;
import org.labourgraph.sparql.QueryRunner;

/**
 * {@code /sitemap.xml}: every public resource page ({@code <base>id/…} → this server's {@code /doc/…}), with the
 * semantic sitemap extension (dataset, linked-data prefix, SPARQL endpoint, dumps). Beyond 50,000 pages (the
 * sitemap protocol's limit) it becomes a sitemap index of {@code /sitemap.xml?page=N}.
 */
final class SitemapServlet extends HttpServlet {
    static final int MAX_URLS = 50_000;
    private static final String SM = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String SC = "http://sw.deri.org/2007/07/sitemapextension/scschema.xsd";

    private final transient Supplier<QueryRunner> runners;
    private final transient DescriptionCache cache;
    private final String idSpace;
    private final String datasetIri;

    /**
     * @param runners where the resources are read (the embedded store or an external service)
     * @param cache the dataset description, whose version and last change date the sitemap (the data's, or when an
     *     external store was last counted)
     */
    SitemapServlet(Supplier<QueryRunner> runners, DescriptionCache cache, String baseIri, String datasetIri) {
        this.runners = runners;
        this.cache = cache;
        this.idSpace = baseIri + "id/";
        this.datasetIri = datasetIri;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pageParam = request.getParameter("page");
        int page = 0;
        if (pageParam != null) {
            try {
                page = Integer.parseInt(pageParam);
            } catch (NumberFormatException e) {
                page = -1;
            }
            if (page < 1) {
                Plain.send(response, 400, "text/plain", "Parameter 'page' must be a whole number from 1.\n");
                return;
            }
        }
        DatasetStatistics stats = cache.current();
        if (HttpValidators.notModified(request, response, stats.version(), "sitemap-" + page, stats.lastChange())) {
            return;
        }
        String site = SiteAddress.of(request);
        List<String> pages = new ArrayList<>();
        PublicResources.forEach(runners.get(), idSpace, iri -> pages.add(site + "doc/" + iri.substring(idSpace.length())));
        int files = Math.max(1, (pages.size() + MAX_URLS - 1) / MAX_URLS);
        if (page > files) {
            Plain.notFound(response, "This sitemap has " + files + " page(s).");
            return;
        }
        String lastmod = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(stats.lastChange().atOffset(ZoneOffset.UTC).withNano(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            if (files > 1 && page == 0) {
                xml.writeStartElement("sitemapindex");
                xml.writeDefaultNamespace(SM);
                for (int i = 1; i <= files; i++) {
                    xml.writeStartElement("sitemap");
                    element(xml, null, "loc", site + "sitemap.xml?page=" + i);
                    element(xml, null, "lastmod", lastmod);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            } else {
                xml.writeStartElement("urlset");
                xml.writeDefaultNamespace(SM);
                xml.writeNamespace("sc", SC);
                if (page <= 1) {
                    dataset(xml, site, stats);
                }
                int from = page <= 1 ? 0 : (page - 1) * MAX_URLS;
                for (String loc : pages.subList(from, Math.min(pages.size(), from + MAX_URLS))) {
                    xml.writeStartElement("url");
                    element(xml, null, "loc", loc);
                    element(xml, null, "lastmod", lastmod);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        response.setStatus(200);
        response.setContentType("application/xml;charset=utf-8");
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
    }

    private void dataset(XMLStreamWriter xml, String site, DatasetStatistics stats) throws XMLStreamException {
        xml.writeStartElement(SC, "dataset");
        element(xml, SC, "datasetLabel", stats.titles().getOrDefault("en", "labourgraph"));
        element(xml, SC, "datasetURI", datasetIri);
        xml.writeStartElement(SC, "linkedDataPrefix");
        xml.writeAttribute(SC, "slicing", "subject-object");
        xml.writeCharacters(site + "id/");
        xml.writeEndElement();
        for (String example : stats.exampleResources()) {
            element(xml, SC, "sampleURI", example);
        }
        xml.writeStartElement(SC, "sparqlEndpointLocation");
        xml.writeAttribute(SC, "slicing", "subject-object");
        xml.writeCharacters(site + "sparql");
        xml.writeEndElement();
        for (String name : List.of("labourgraph.nt.gz", "labourgraph.nq.gz", "labourgraph.ttl", "labourgraph-skos.ttl")) {
            element(xml, SC, "dataDumpLocation", site + "dumps/" + name);
        }
        element(xml, null, "changefreq", "weekly");
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String ns, String name, String text) throws XMLStreamException {
        if (ns == null) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement(ns, name);
        }
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
