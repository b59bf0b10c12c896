package org.labourgraph.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.labourgraph.ProjectPaths;

/** One file of {@code queries/}: its text, its header comment block, its parsed query. */
record QueryFile(Path path, String text) {

    /** The header lines every query opens with, in this order. */
    static final List<String> HEADER_KEYS =
            List.of("# title (en):", "# titre (fr) :", "# description (en):", "# description (fr) :");

    /** Header line declaring a quality-control query, whose answer on clean data is empty. */
    static final String EXPECT_EMPTY = "# expect: empty";

    /** The project's prefixes (docs/ARCHITECTURE.md); a query may declare only these, with these IRIs. */
    static final Map<String, String> CONTRACT_PREFIXES = Map.ofEntries(
            Map.entry("lg", "https://w3id.org/labourgraph/ontology#"),
            Map.entry("lgc", "https://w3id.org/labourgraph/id/concept/"),
            Map.entry("lgp", "https://w3id.org/labourgraph/id/person/"),
            Map.entry("lgw", "https://w3id.org/labourgraph/id/work/"),
            Map.entry("lgn", "https://w3id.org/labourgraph/id/note/"),
            Map.entry("lgnb", "https://w3id.org/labourgraph/id/notebook/"),
            Map.entry("lgcat", "https://w3id.org/labourgraph/id/category/"),
            Map.entry("lgpl", "https://w3id.org/labourgraph/id/place/"),
            Map.entry("lgo", "https://w3id.org/labourgraph/id/organisation/"),
            Map.entry("lgpr", "https://w3id.org/labourgraph/id/product/"),
            Map.entry("lgpay", "https://w3id.org/labourgraph/id/pay/"),
            Map.entry("lgt", "https://w3id.org/labourgraph/id/tier/"),
            Map.entry("lgg", "https://w3id.org/labourgraph/graph/"),
            Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("foaf", "http://xmlns.com/foaf/0.1/"),
            Map.entry("schema", "https://schema.org/"),
            Map.entry("prov", "http://www.w3.org/ns/prov#"),
            Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
            Map.entry("sh", "http://www.w3.org/ns/shacl#"),
            Map.entry("time", "http://www.w3.org/2006/time#"),
            Map.entry("dcmitype", "http://purl.org/dc/dcmitype/"),
            Map.entry("vann", "http://purl.org/vocab/vann/"),
            Map.entry("bibo", "http://purl.org/ontology/bibo/"));

    private static final Pattern PREFIX_LINE =
            Pattern.compile("^PREFIX\\s+([A-Za-z][\\w-]*)?:\\s*<([^>]*)>\\s*$", Pattern.CASE_INSENSITIVE);

    /** The project root ({@link ProjectPaths#root()}). */
    static Path projectRoot() {
        return ProjectPaths.root();
    }

    /** Every {@code queries/*.rq} under the root, by name. */
    static List<QueryFile> all(Path root) {
        Path folder = root.resolve("queries");
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".rq"))
                    .sorted()
                    .map(QueryFile::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    static QueryFile read(Path path) {
        try {
            return new QueryFile(path, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    String name() {
        return path.getFileName().toString();
    }

    @Override
    public String toString() {
        return name();
    }

    /** The query, parsed as strict SPARQL 1.1 (no ARQ extensions: it must run in any SPARQL editor). */
    Query parse() {
        return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
    }

    List<String> lines() {
        return text.lines().toList();
    }

    /** The comment lines the file opens with. */
    List<String> headerBlock() {
        List<String> block = new ArrayList<>();
        for (String line : lines()) {
            if (!line.startsWith("#")) {
                break;
            }
            block.add(line);
        }
        return block;
    }

    boolean expectsEmpty() {
        return headerBlock().stream().anyMatch(line -> line.strip().equals(EXPECT_EMPTY));
    }

    /** What is wrong with the header and PREFIX lines; empty when they are as the project requires. */
    List<String> layoutProblems() {
        List<String> problems = new ArrayList<>();
        List<String> header = headerBlock();
        for (int i = 0; i < HEADER_KEYS.size(); i++) {
            String key = HEADER_KEYS.get(i);
            if (header.size() <= i || !header.get(i).startsWith(key)) {
                problems.add("line " + (i + 1) + " must start with '" + key + "'");
            } else if (header.get(i).substring(key.length()).isBlank()) {
                problems.add("line " + (i + 1) + " ('" + key + "') has no text");
            }
        }
        // PREFIX lines: contract prefixes only, with the contract's IRIs, each one used.
        String body = lines().stream()
                .filter(line -> !line.stripLeading().startsWith("#"))
                .filter(line -> !PREFIX_LINE.matcher(line.strip()).matches())
                .reduce("", (a, b) -> a + "\n" + b);
        for (String line : lines()) {
            Matcher m = PREFIX_LINE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String prefix = m.group(1) == null ? "" : m.group(1);
            String expected = CONTRACT_PREFIXES.get(prefix);
            if (expected == null) {
                problems.add("prefix '" + prefix + ":' is not one of the project's prefixes");
            } else if (!expected.equals(m.group(2))) {
                problems.add("prefix '" + prefix + ":' is <" + m.group(2) + ">, the project prefix table has <" + expected + ">");
            }
            if (!Pattern.compile("(?<![\\w-])" + Pattern.quote(prefix) + ":").matcher(body).find()) {
                problems.add("prefix '" + prefix + ":' is declared but not used");
            }
        }
        return problems;
    }
}
