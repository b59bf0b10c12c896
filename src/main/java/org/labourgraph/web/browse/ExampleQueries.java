package org.labourgraph.web.browse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.labourgraph.render.ExampleQuery;

/**
 * The librarians' queries of queries/ as named examples for the SPARQL editor: read once at start, each
 * titled from its bilingual header ({@code # title (en): …}, {@code # titre (fr) : …}).
 */
final class ExampleQueries {
    private record Entry(String file, String titleEn, String titleFr, String text) {}

    private final List<Entry> entries;

    ExampleQueries(Path folder) {
        List<Entry> list = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    String name = f.getFileName().toString();
                    list.add(new Entry(name, header(text, "# title (en):", name), header(text, "# titre (fr) :", name), text));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the example queries in " + folder, e);
            }
        }
        this.entries = List.copyOf(list);
    }

    private static String header(String text, String prefix, String fallback) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElse(fallback);
    }

    List<ExampleQuery> all(String lang) {
        return entries.stream().map(e -> new ExampleQuery(e.file(), lang.equals("fr") ? e.titleFr() : e.titleEn(), e.text()))
                .toList();
    }
}
