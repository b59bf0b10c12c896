package org.labourgraph.web.site;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.labourgraph.model.Match;
import org.labourgraph.model.Person;
import org.labourgraph.model.ResourceView;
import org.labourgraph.model.Terms;
import org.labourgraph.model.Value;
import org.labourgraph.sparql.Description;

/**
 * The schema.org JSON-LD a page embeds for its resource (name, type, description, creators, date, url, and
 * the links that state identity — schema:sameAs, skos:exactMatch — as sameAs, an ISBN as isbn).
 */
public final class SchemaOrgJson {
    private SchemaOrgJson() {}

    public static String forDescription(Description d, String pageUrl) {
        ResourceView v = d.view();
        JsonObject o = new JsonObject();
        o.put("@context", "https://schema.org/");
        o.put("@id", v.iri());
        o.put("@type", type(v));
        o.put("name", v.label().value());
        o.put("url", pageUrl);
        v.first(Terms.DEFINITION).or(() -> v.first(Terms.DESCRIPTION)).ifPresent(x -> o.put("description", x.text().value()));
        v.first(Terms.ISSUED).ifPresent(x -> o.put("datePublished", x.text().value()));
        if (!d.creators().isEmpty()) {
            JsonArray authors = new JsonArray();
            for (Person p : d.creators()) {
                JsonObject a = new JsonObject();
                a.put("@type", "Person");
                a.put("@id", p.iri());
                a.put("name", p.name());
                authors.add(a);
            }
            o.put("author", authors);
        }
        JsonArray same = new JsonArray();
        for (Match m : v.matches()) {
            if ((m.relation().equals("sameAs") || m.relation().equals("exactMatch")) && !m.href().isEmpty()) {
                same.add(m.href());
            }
        }
        if (!same.isEmpty()) {
            o.put("sameAs", same);
        }
        v.first(Terms.SCHEMA_ISBN).ifPresent(x -> o.put("isbn", x.text().value()));
        JsonArray alt = new JsonArray();
        for (Value x : v.values(Terms.ALT_LABEL)) {
            alt.add(x.text().value());
        }
        if (!alt.isEmpty()) {
            o.put("alternateName", alt);
        }
        return o.toString();
    }

    /** A small object for pages that are not about one resource (home, index …). */
    public static String forPage(String type, String name, String url) {
        JsonObject o = new JsonObject();
        o.put("@context", "https://schema.org/");
        o.put("@type", type);
        o.put("name", name);
        o.put("url", url);
        return o.toString();
    }

    private static String type(ResourceView v) {
        return switch (v.kind()) {
            case CONCEPT, CATEGORY, TIER -> "DefinedTerm";
            case PERSON -> "Person";
            case NOTE -> "Article";
            case WORK -> v.hasType(Terms.SCHEMA + "Book") ? "Book"
                    : v.hasType(Terms.SCHEMA + "SocialMediaPosting") ? "SocialMediaPosting"
                    : v.hasType(Terms.SCHEMA + "Quotation") ? "Quotation" : "CreativeWork";
            case NOTEBOOK -> "Collection";
            case PLACE -> "Place";
            case ORGANISATION -> "Organization";
            case PRODUCT -> "Product";
            case PAY -> "MonetaryAmount";
            case OTHER -> "Thing";
        };
    }
}
