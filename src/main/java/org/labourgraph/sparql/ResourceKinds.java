package org.labourgraph.sparql;

import java.util.Map;
import org.labourgraph.model.ResourceKind;
import org.labourgraph.vocab.LG;

/** Maps an rdf:type to the kind of resource it makes; the entailment graph supplies the super-classes. */
final class ResourceKinds {
    private ResourceKinds() {}

    private static final Map<String, ResourceKind> BY_CLASS = Map.ofEntries(
            Map.entry("http://www.w3.org/2004/02/skos/core#Concept", ResourceKind.CONCEPT),
            Map.entry("http://xmlns.com/foaf/0.1/Person", ResourceKind.PERSON),
            Map.entry("https://schema.org/Person", ResourceKind.PERSON),
            Map.entry(LG.Note.getURI(), ResourceKind.NOTE),
            Map.entry("https://schema.org/CreativeWork", ResourceKind.WORK),
            Map.entry(LG.Notebook.getURI(), ResourceKind.NOTEBOOK),
            Map.entry(LG.Category.getURI(), ResourceKind.CATEGORY),
            Map.entry(LG.Place.getURI(), ResourceKind.PLACE),
            Map.entry("https://schema.org/Place", ResourceKind.PLACE),
            Map.entry(LG.Organisation.getURI(), ResourceKind.ORGANISATION),
            Map.entry("http://xmlns.com/foaf/0.1/Organization", ResourceKind.ORGANISATION),
            Map.entry(LG.Product.getURI(), ResourceKind.PRODUCT),
            Map.entry(LG.Tier.getURI(), ResourceKind.TIER),
            Map.entry(LG.PayObservation.getURI(), ResourceKind.PAY));

    /** The kind of a resource minted under the base, from its IRI's path: {@code <base>id/<kind>/<slug>}. */
    static ResourceKind ofIri(String iri, String base) {
        String id = base + "id/";
        if (!iri.startsWith(id)) {
            return ResourceKind.OTHER;
        }
        String rest = iri.substring(id.length());
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        for (ResourceKind k : ResourceKind.values()) {
            if (k.jsonName().equals(segment)) {
                return k;
            }
        }
        return ResourceKind.OTHER;
    }

    static ResourceKind of(String classIri) {
        return BY_CLASS.getOrDefault(classIri, ResourceKind.OTHER);
    }
}
