package org.labourgraph.render;

import java.util.List;

/**
 * What the layout of every page needs: title, language, canonical address, links to the page's other
 * representations, the schema.org JSON-LD of its resource, and the address of the same page in the other
 * language.
 */
public record Page(String title, Ui ui, Site site, String canonical, List<Alternate> alternates, String jsonLd,
                   String switchHref, String searchText) {
    public Page {
        alternates = List.copyOf(alternates);
    }

    /** Another representation of the page's resource (Turtle, JSON-LD …). */
    public record Alternate(String href, String type, String name) {}

    public String lang() {
        return ui.lang();
    }

    /** JSON-LD made safe inside a script element: no "</" can close it. */
    public String jsonLdForScript() {
        return jsonLd.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
