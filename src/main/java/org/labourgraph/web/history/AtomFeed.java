package org.labourgraph.web.history;

import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.labourgraph.model.ChangeSummary;
import org.labourgraph.model.Value;

/**
 * The recent changes as an Atom feed (RFC 4287), written with the JDK's XML writer (every value escaped by it): one
 * entry per revision, newest first — its message as title, curator, time, the resources it touched, a link to the
 * list and one to its public patch.
 */
final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {}

    static void write(List<ChangeSummary> changes, String origin, OutputStream out) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(ATOM);
            x.writeStartElement(ATOM, "feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", origin + "/changes");
            text(x, "title", "labourgraph — recent changes");
            text(x, "updated", changes.isEmpty() ? "1970-01-01T00:00:00Z" : changes.get(0).date());
            link(x, "self", origin + "/changes.atom", "application/atom+xml");
            link(x, "alternate", origin + "/changes", "text/html");
            x.writeStartElement(ATOM, "author");
            text(x, "name", "labourgraph");
            x.writeEndElement();
            for (ChangeSummary c : changes) {
                x.writeStartElement(ATOM, "entry");
                text(x, "id", origin + c.patchHref());
                text(x, "title", "Revision " + c.number() + ": " + c.message());
                text(x, "updated", c.date());
                x.writeStartElement(ATOM, "author");
                text(x, "name", c.curator());
                x.writeEndElement();
                link(x, "alternate", origin + "/changes?before=" + (c.number() + 1) + "#r" + c.number(), "text/html");
                link(x, "related", origin + c.patchHref(), "application/rdf-patch");
                StringBuilder summary = new StringBuilder("+" + c.added() + " / −" + c.deleted() + " statements.");
                for (Value v : c.resources()) {
                    summary.append(' ').append(v.display()).append(" <").append(v.iri().startsWith("/") ? origin + v.iri() : v.iri()).append('>');
                }
                if (c.moreResources() > 0) {
                    summary.append(" … and ").append(c.moreResources()).append(" more.");
                }
                text(x, "summary", summary.toString());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed: " + e.getMessage(), e);
        }
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(ATOM, name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement(ATOM, "link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}
