package org.labourgraph.web.site;

import java.util.List;

/**
 * Who may use a {@link Route}. Reads are public unless the route says otherwise; a route that takes a write method
 * (PUT, PATCH, DELETE, or POST that changes something) must say who may write, or the table does not build.
 *
 * @param kind  what is protected
 * @param roles the roles (of the realm-properties file) that may do it; empty for the public kinds
 */
public record Access(Kind kind, List<String> roles) {
    /** What a route protects. */
    public enum Kind {
        /** Anyone, and the route takes no write method. */
        PUBLIC,
        /** Anyone: POST here carries a query (SPARQL, reconciliation), it never changes the data. */
        PUBLIC_POST_READS,
        /** Reads public; every write method needs one of the roles. */
        WRITES_BY_ROLE,
        /** Every method needs one of the roles: nothing here is public. */
        EVERY_METHOD_BY_ROLE
    }

    public Access {
        roles = List.copyOf(roles);
        boolean needsRoles = kind == Kind.WRITES_BY_ROLE || kind == Kind.EVERY_METHOD_BY_ROLE;
        if (needsRoles == roles.isEmpty()) {
            throw new IllegalArgumentException(kind + (needsRoles ? " needs at least one role" : " takes no role"));
        }
    }

    public static final Access PUBLIC = new Access(Kind.PUBLIC, List.of());
    public static final Access POST_READS = new Access(Kind.PUBLIC_POST_READS, List.of());

    /** Reads public, writes for {@code roles}. */
    public static Access writesBy(String... roles) {
        return new Access(Kind.WRITES_BY_ROLE, List.of(roles));
    }

    /** Every method, reads included, for {@code roles}. */
    public static Access everyMethodBy(String... roles) {
        return new Access(Kind.EVERY_METHOD_BY_ROLE, List.of(roles));
    }
}
