package org.labourgraph.cli;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.labourgraph.validate.Finding;
import org.labourgraph.validate.ValidationReport;

/** {@code validate --format json}: the report as one JSON object, for CI and editors. */
final class ReportJson {
    private ReportJson() {}

    static String of(ValidationReport report) {
        JsonObject json = new JsonObject();
        json.put("summary", report.summary());
        json.put("clean", report.clean());
        json.put("files", report.fileCount());
        json.put("triples", report.tripleCount());
        JsonObject counts = new JsonObject();
        report.counts().forEach((check, count) -> counts.put(check.name(), count));
        json.put("counts", counts);
        JsonArray notes = new JsonArray();
        report.notes().forEach(notes::add);
        json.put("notes", notes);
        JsonArray findings = new JsonArray();
        for (Finding finding : report.findings()) {
            JsonObject item = new JsonObject();
            item.put("check", finding.check().name());
            putIfPresent(item, "focus", finding.focus());
            putIfPresent(item, "path", finding.path());
            item.put("message", finding.message());
            item.put("text", finding.toString());
            findings.add(item);
        }
        json.put("findings", findings);
        return JSON.toString(json);
    }

    private static void putIfPresent(JsonObject item, String key, String value) {
        if (value != null) {
            item.put(key, value);
        }
    }
}
