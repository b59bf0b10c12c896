package org.labourgraph.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** Renders the precompiled JTE templates (src/main/jte; HTML content type, so every value is escaped). */
public final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {}

    public static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }
}
