package org.labourgraph.web.site;

import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;

/**
 * One path (or set of paths) of the site, declared once in {@link RouteTable}: which methods it takes, whether its
 * answers may be kept by the page cache, who may use it, and what answers it in each mode. Servlet registration, the
 * page cache and the login constraints are all built from these. A route that takes a write method and does not say
 * who may write cannot be built.
 *
 * @param paths        servlet path specs ({@code /hierarchy}, {@code /doc/*})
 * @param methods      the HTTP methods it answers
 * @param cache        whether an anonymous GET may be served from the page cache
 * @param access       who may use it
 * @param embedded     what answers it over the embedded store
 * @param external     what answers it in external-endpoint mode ({@code serve --sparql-endpoint})
 * @param notServedWhy for {@link Presence#NOT_YET}: the part of the site a 501 names, else null
 */
public record Route(List<String> paths, Set<String> methods, Cache cache, Access access, Presence embedded,
                    Presence external, String notServedWhy) {
    /** Methods that change something, unless the route says its POST only reads ({@link Access#POST_READS}). */
    public static final List<String> WRITE_METHODS = List.of("POST", "PUT", "PATCH", "DELETE");

    /** Whether the page cache may keep a route's answers. */
    public enum Cache {
        /** An anonymous GET is served from the page cache while no change could have altered it. */
        PUBLIC_PAGE,
        /** Always answered afresh. */
        NEVER
    }

    /** The modes a server runs in. */
    public enum Mode { EMBEDDED, EXTERNAL }

    /** What answers a route in a mode. */
    public enum Presence {
        /** A servlet of the application, registered by {@link #register}. */
        SERVLET,
        /** Fuseki itself (a dataset endpoint) or one of its modules. */
        FUSEKI,
        /** A filter on every path ({@link HomeFilter}). */
        FILTER,
        /** External mode only: a 501 saying the part reads the embedded store. */
        NOT_YET,
        /** Not there: 404. */
        ABSENT
    }

    public Route {
        paths = List.copyOf(paths);
        methods = Set.copyOf(methods);
        String name = paths.isEmpty() ? "(no path)" : paths.get(0);
        if (paths.isEmpty() || paths.stream().anyMatch(p -> !p.startsWith("/"))) {
            throw new IllegalArgumentException("Route " + name + ": every path starts with '/' and there is at least one");
        }
        Objects.requireNonNull(cache, name);
        Objects.requireNonNull(embedded, name);
        Objects.requireNonNull(external, name);
        List<String> writes = WRITE_METHODS.stream().filter(methods::contains).toList();
        if (access == null) {
            if (!writes.isEmpty()) {
                throw new IllegalArgumentException("Route " + name + " takes " + String.join(", ", writes)
                        + " but declares no access: give it Access.writesBy(roles) or Access.everyMethodBy(roles), or"
                        + " Access.POST_READS if its POST only reads");
            }
            access = Access.PUBLIC;
        }
        if (access.kind() == Access.Kind.PUBLIC && !writes.isEmpty()) {
            throw new IllegalArgumentException("Route " + name + " takes " + String.join(", ", writes)
                    + " and says it is public: a write needs a role");
        }
        if (access.kind() == Access.Kind.PUBLIC_POST_READS && writes.stream().anyMatch(m -> !m.equals("POST"))) {
            throw new IllegalArgumentException("Route " + name + ": only POST may be declared a read, not "
                    + String.join(", ", writes));
        }
        if (cache == Cache.PUBLIC_PAGE && access.kind() == Access.Kind.EVERY_METHOD_BY_ROLE) {
            throw new IllegalArgumentException("Route " + name + " needs a login for reads: its pages are never shared");
        }
        if (embedded == Presence.NOT_YET) {
            throw new IllegalArgumentException("Route " + name + ": NOT_YET is for external mode only");
        }
        if ((external == Presence.NOT_YET) != (notServedWhy != null)) {
            throw new IllegalArgumentException("Route " + name + ": a 501 in external mode, and only that, names the part");
        }
    }

    /** Starts a route on {@code paths}: by default GET and HEAD, public, never cached, a servlet in both modes. */
    public static Builder at(String... paths) {
        return new Builder(List.of(paths));
    }

    /** The methods of this route that need {@link #access}'s roles: every write, or every method. */
    public List<String> protectedMethods() {
        return switch (access.kind()) {
            case PUBLIC, PUBLIC_POST_READS -> List.of();
            case WRITES_BY_ROLE -> writeMethods();
            case EVERY_METHOD_BY_ROLE -> List.copyOf(methods);
        };
    }

    /** The methods that would change something here: the write methods it takes, POST unless it only reads. */
    public List<String> writeMethods() {
        return WRITE_METHODS.stream().filter(methods::contains)
                .filter(m -> !(m.equals("POST") && access.kind() == Access.Kind.PUBLIC_POST_READS)).toList();
    }

    public Presence in(Mode mode) {
        return mode == Mode.EMBEDDED ? embedded : external;
    }

    /** Whether a request path falls under this route, as the servlet mapping would send it. */
    public boolean matches(String uri) {
        return paths.stream().anyMatch(p -> p.endsWith("/*") ? uri.startsWith(p.substring(0, p.length() - 1)) : uri.equals(p));
    }

    /** Adds {@code servlet} under every path of this route: the only way a module registers a servlet. */
    public FusekiServer.Builder register(FusekiServer.Builder builder, HttpServlet servlet) {
        paths.forEach(p -> builder.addServlet(p, servlet));
        return builder;
    }

    /** Puts {@code filter} in front of every path of this route (resource edits, Memento on documents). */
    public FusekiServer.Builder filter(FusekiServer.Builder builder, jakarta.servlet.Filter filter) {
        paths.forEach(p -> builder.addFilter(p, filter));
        return builder;
    }

    /** A route being declared. */
    public static final class Builder {
        private final List<String> paths;
        private final Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD"));
        private Cache cache = Cache.NEVER;
        private Access access;
        private Presence embedded = Presence.SERVLET;
        private Presence external = Presence.SERVLET;
        private String notServedWhy;

        private Builder(List<String> paths) {
            this.paths = new ArrayList<>(paths);
        }

        /** The methods it takes besides GET and HEAD. */
        public Builder alsoTakes(String... more) {
            methods.addAll(List.of(more));
            return this;
        }

        public Builder access(Access a) {
            this.access = a;
            return this;
        }

        public Builder cachedPublicPage() {
            this.cache = Cache.PUBLIC_PAGE;
            return this;
        }

        public Builder embedded(Presence p) {
            this.embedded = p;
            return this;
        }

        public Builder external(Presence p) {
            this.external = p;
            return this;
        }

        /** In external mode, a 501 that names {@code part}. */
        public Builder notYetExternally(String part) {
            this.external = Presence.NOT_YET;
            this.notServedWhy = part;
            return this;
        }

        public Route build() {
            return new Route(paths, methods, cache, access, embedded, external, notServedWhy);
        }
    }
}
