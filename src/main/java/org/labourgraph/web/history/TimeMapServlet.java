package org.labourgraph.web.history;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.labourgraph.history.Mementos;
import org.labourgraph.history.Revision;
import org.labourgraph.history.RevisionLog;
import org.labourgraph.web.site.HttpDates;
import org.labourgraph.web.site.JsonResponses;
import org.labourgraph.web.site.Responses;
import org.labourgraph.web.site.Routes;
import org.labourgraph.web.site.SiteContext;

/**
 * The TimeMap of a resource (RFC 7089 §5), {@code /timemap/<kind>/<name>}: its original, TimeGate and every memento
 * with its datetime, in {@code application/link-format} (RFC 6690), or as JSON ({@code Accept: application/json} or
 * {@code ?format=json}, the shape Memento aggregators use: {@code original_uri}, {@code timegate_uri},
 * {@code timemap_uri}, {@code mementos.list}). 404 for a resource without recorded versions.
 */
public final class TimeMapServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String LINK_FORMAT = "application/link-format";

    private final transient RevisionLog log;
    private final transient String baseIri;

    TimeMapServlet(RevisionLog log, String baseIri) {
        this.log = log;
        this.baseIri = baseIri;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String slug = req.getPathInfo() == null ? "" : req.getPathInfo();
        Mementos mementos = slug.length() < 2 ? new Mementos(List.of()) : Mementos.of(log, baseIri + "id" + slug);
        String accept = req.getHeader("Accept") == null ? "" : req.getHeader("Accept");
        boolean json = "json".equals(req.getParameter("format")) || accept.startsWith("application/json");
        if (mementos.isEmpty()) {
            String message = "No recorded versions of " + baseIri + "id" + slug + ": the TimeMap of a resource is at "
                    + Routes.TIME_MAPS + "/<kind>/<name>, for a resource the history knows.";
            if (json) {
                JsonResponses.error(resp, 404, message);
            } else {
                Responses.send(resp, 404, "text/plain", message + "\n");
            }
            return;
        }
        String origin = SiteContext.origin(req);
        String original = origin + "/doc" + slug;
        String self = origin + Routes.TIME_MAPS + slug;
        resp.setHeader("Vary", "Accept");
        if (json) {
            JsonResponses.send(resp, 200, json(mementos, original, self));
            return;
        }
        List<String> links = new ArrayList<>();
        links.add("<" + original + ">; rel=\"original\"");
        links.add("<" + self + ">; rel=\"self\"; type=\"" + LINK_FORMAT + "\"; from=\"" + HttpDates.format(mementos.first().time())
                + "\"; until=\"" + HttpDates.format(mementos.last().time()) + "\"");
        links.add("<" + original + ">; rel=\"timegate\"");
        for (Revision r : mementos.revisions()) {
            String rel = (r == mementos.first() ? "first " : "") + (r == mementos.last() ? "last " : "") + "memento";
            links.add("<" + original + "?rev=" + r.number() + ">; rel=\"" + rel + "\"; datetime=\"" + HttpDates.format(r.time()) + "\"");
        }
        Responses.send(resp, 200, LINK_FORMAT, String.join(",\n", links) + "\n");
    }

    private static JsonObject json(Mementos mementos, String original, String self) {
        JsonObject out = new JsonObject();
        out.put("original_uri", original);
        out.put("timegate_uri", original);
        JsonObject timemaps = new JsonObject();
        timemaps.put("link_format", self);
        timemaps.put("json_format", self + "?format=json");
        out.put("timemap_uri", timemaps);
        JsonObject list = new JsonObject();
        list.put("first", memento(mementos.first(), original));
        list.put("last", memento(mementos.last(), original));
        JsonArray all = new JsonArray();
        mementos.revisions().forEach(r -> all.add(memento(r, original)));
        list.put("list", all);
        out.put("mementos", list);
        return out;
    }

    private static JsonObject memento(Revision r, String original) {
        JsonObject o = new JsonObject();
        o.put("datetime", r.time().toString());
        o.put("uri", original + "?rev=" + r.number());
        o.put("revision", r.number());
        return o;
    }
}
