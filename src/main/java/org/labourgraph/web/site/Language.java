package org.labourgraph.web.site;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

import org.labourgraph.render.Ui;

/** The page language: ?lang= (remembered in a cookie), then the cookie, then Accept-Language, then English. */
public final class Language {
    private Language() {}

    public static final String COOKIE = "lang";

    /** The language of the request, remembering an explicit {@code ?lang=} in the cookie. */
    public static String choose(HttpServletRequest req, HttpServletResponse resp) {
        String asked = req.getParameter("lang");
        if (asked != null && Ui.supported(asked)) {
            Cookie c = new Cookie(COOKIE, asked);
            c.setPath("/");
            c.setMaxAge(365 * 24 * 3600);
            c.setHttpOnly(true);
            c.setAttribute("SameSite", "Lax");
            resp.addCookie(c);
        }
        return of(req);
    }

    /** The language of the request, without touching the response (as {@link #choose} decides it). */
    public static String of(HttpServletRequest req) {
        String remembered = null;
        if (req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (remembered == null && c.getName().equals(COOKIE) && Ui.supported(c.getValue())) {
                    remembered = c.getValue();
                }
            }
        }
        return decide(req.getParameter("lang"), remembered, req.getHeader("Accept-Language"));
    }

    /** The rule itself: an asked {@code ?lang=}, else the remembered cookie, else Accept-Language, else English. */
    static String decide(String asked, String cookie, String acceptLanguage) {
        if (asked != null && Ui.supported(asked)) {
            return asked;
        }
        if (cookie != null && Ui.supported(cookie)) {
            return cookie;
        }
        return fromAcceptLanguage(acceptLanguage);
    }

    public static String fromAcceptLanguage(String header) {
        if (header == null) {
            return Ui.EN;
        }
        String best = Ui.EN;
        double bestQ = -1;
        for (String item : header.split(",")) {
            String[] parts = item.trim().split(";");
            String tag = parts[0].trim().toLowerCase(Locale.ROOT);
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (Ui.supported(primary) && q > bestQ && q > 0) {
                best = primary;
                bestQ = q;
            }
        }
        return best;
    }
}
