package org.labourgraph.model;

/** The kinds of resource the graph describes, in the order a search or a page prefers them. */
public enum ResourceKind {
    CONCEPT("concept"),
    PERSON("person"),
    NOTE("note"),
    WORK("work"),
    NOTEBOOK("notebook"),
    CATEGORY("category"),
    PLACE("place"),
    ORGANISATION("organisation"),
    PRODUCT("product"),
    TIER("tier"),
    PAY("pay"),
    OTHER("resource");

    private final String jsonName;

    ResourceKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
