package org.labourgraph.source;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import java.util.function.Function;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.AsyncParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.labourgraph.vocab.LG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one source file into a graph, safely: relative IRIs resolve against {@link LG#DEFAULT_BASE},
 * JSON-LD never fetches a remote {@code @context}, RDF/XML never reads an external DTD or entity.
 * The first error stops the parse and comes back as an {@link RdfSyntaxException} with its position.
 * Only triple formats are sources: each file is loaded into its own named graph, so a quad format
 * (TriG, N-Quads) naming its own graphs would break that rule.
 */
public final class SourceParser {
    private static final Logger LOG = LoggerFactory.getLogger(SourceParser.class);

    private static final Map<String, Lang> LANG_BY_EXTENSION = languagesByExtension();

    private SourceParser() {}

    private static Map<String, Lang> languagesByExtension() {
        Map<String, Lang> byExtension = new LinkedHashMap<>();
        byExtension.put("ttl", Lang.TURTLE);
        byExtension.put("nt", Lang.NTRIPLES);
        byExtension.put("jsonld", Lang.JSONLD);
        byExtension.put("rdf", Lang.RDFXML);
        byExtension.put("owl", Lang.RDFXML);
        return Collections.unmodifiableMap(byExtension);
    }

    /** The file extensions read as sources (without the dot), in a stable order. */
    public static Set<String> supportedExtensions() {
        return LANG_BY_EXTENSION.keySet();
    }

    /** The RDF syntax a file's extension stands for, if it is one we read. */
    public static Optional<Lang> langOf(Path file) {
        return Optional.ofNullable(LANG_BY_EXTENSION.get(extensionOf(file)));
    }

    /** Parses a file, choosing the syntax from its extension (a reviewed SSSOM mapping set, *.sssom.tsv, too). */
    public static Graph parse(Path file) throws RdfSyntaxException {
        if (SssomTsv.isSssom(file)) {
            return SssomTsv.read(file, readFile(file));
        }
        Lang lang = langOf(file).orElseThrow(() -> RdfSyntaxException.wholeFile(file,
                "cannot tell the RDF syntax from the extension '" + extensionOf(file) + "'; rename the file to one of "
                        + supportedExtensionsText() + " (quad formats such as TriG and N-Quads are not sources: "
                        + "each file is loaded into its own named graph)"));
        return parse(file, lang);
    }

    /** Parses a file in the given syntax, whatever its extension. */
    public static Graph parse(Path file, Lang lang) throws RdfSyntaxException {
        requireTripleLang(lang);
        return parseBytes(readFile(file), file, lang);
    }

    /** Parses a stream; {@code fileNameForMessages} is the name errors report the position in. */
    public static Graph parse(InputStream in, String fileNameForMessages, Lang lang) throws RdfSyntaxException {
        requireTripleLang(lang);
        Path file = Path.of(fileNameForMessages);
        try {
            return parseBytes(in.readAllBytes(), file, lang);
        } catch (IOException e) {
            throw RdfSyntaxException.wholeFile(file, "cannot read the input: " + e.getMessage());
        }
    }

    /** True for the syntaxes {@link #stream} reads: Turtle and N-Triples, which need no guard over the whole text. */
    public static boolean streams(Lang lang) {
        return Lang.TURTLE.equals(lang) || Lang.NTRIPLES.equals(lang);
    }

    /**
     * Parses a large Turtle or N-Triples file straight into {@code sink}, triple by triple, never holding the
     * graph: what bulk imports use. A syntax error stops it with its position; whatever the sink throws passes through.
     */
    public static void stream(Path file, Lang lang, StreamRDF sink) throws RdfSyntaxException {
        if (!streams(lang)) {
            throw new IllegalArgumentException("only Turtle and N-Triples are streamed, not " + lang.getLabel());
        }
        if (!Files.isReadable(file)) {
            throw RdfSyntaxException.wholeFile(file, "no such file, or not readable; check the path");
        }
        FirstErrorHandler errors = new FirstErrorHandler(file);
        try {
            // Parsed on a second thread, handed over in chunks: the caller's thread only writes (a 10^6-triple load
            // spent 9 % of its time parsing). Errors come back here as the parser's own exceptions.
            AsyncParser.of(RDFParser.create().source(file).lang(lang).base(LG.DEFAULT_BASE).errorHandler(errors))
                    .asyncParseSources(sink);
        } catch (RiotException e) {
            if (errors.first != null) {
                throw errors.first;
            }
            if (e instanceof RiotParseException p) {
                throw new RdfSyntaxException(file, p.getLine(), p.getCol(), p.getOriginalMessage());
            }
            throw RdfSyntaxException.wholeFile(file, messageOf(e));
        }
    }

    /**
     * Parses a dataset file (TriG, N-Quads) for an import: its named graphs keep their names. Not a source
     * format (see the class comment), hence a separate call.
     */
    public static DatasetGraph parseDataset(Path file, Lang lang) throws RdfSyntaxException {
        if (!RDFLanguages.isQuads(lang)) {
            throw new IllegalArgumentException(lang.getLabel() + " is not a dataset syntax; use parse(file, lang)");
        }
        return run(readFile(file), file, lang, RDFParserBuilder::toDatasetGraph);
    }

    /** Parses a dataset from a stream (an upload); {@code fileNameForMessages} is the name errors report the position in. */
    public static DatasetGraph parseDataset(InputStream in, String fileNameForMessages, Lang lang) throws RdfSyntaxException {
        if (!RDFLanguages.isQuads(lang)) {
            throw new IllegalArgumentException(lang.getLabel() + " is not a dataset syntax; use parse(in, name, lang)");
        }
        Path file = Path.of(fileNameForMessages);
        try {
            return run(in.readAllBytes(), file, lang, RDFParserBuilder::toDatasetGraph);
        } catch (IOException e) {
            throw RdfSyntaxException.wholeFile(file, "cannot read the input: " + e.getMessage());
        }
    }

    /** The dataset syntax a file's extension stands for (.trig, .nq), if any. */
    public static Optional<Lang> datasetLangOf(Path file) {
        return switch (extensionOf(file)) {
            case "trig" -> Optional.of(Lang.TRIG);
            case "nq" -> Optional.of(Lang.NQUADS);
            default -> Optional.empty();
        };
    }

    private static byte[] readFile(Path file) throws RdfSyntaxException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw RdfSyntaxException.wholeFile(file, "no such file; check the path");
        } catch (IOException e) {
            throw RdfSyntaxException.wholeFile(file, "cannot read the file: " + e.getMessage());
        }
    }

    private static Graph parseBytes(byte[] bytes, Path file, Lang lang) throws RdfSyntaxException {
        return run(bytes, file, lang, RDFParserBuilder::toGraph);
    }

    private static <T> T run(byte[] bytes, Path file, Lang lang, Function<RDFParserBuilder, T> terminal) throws RdfSyntaxException {
        if (Lang.RDFXML.equals(lang)) {
            RdfXmlGuard.refuseExternalReferences(bytes, file);
        }
        FirstErrorHandler errors = new FirstErrorHandler(file);
        RemoteContextRefusal contexts = new RemoteContextRefusal();
        RDFParserBuilder parser = RDFParser.create()
                .source(new ByteArrayInputStream(bytes))
                .lang(lang)
                .base(LG.DEFAULT_BASE)
                .errorHandler(errors);
        if (isJsonLd(lang)) {
            // A fresh options object per parse: Jena sets the base on it.
            parser.set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(contexts));
        }
        try {
            return terminal.apply(parser);
        } catch (RiotException e) {
            if (contexts.refused != null) {
                throw remoteContextRefused(bytes, file, contexts.refused);
            }
            if (errors.first != null) {
                throw errors.first;
            }
            if (e instanceof RiotParseException p) {
                throw new RdfSyntaxException(file, p.getLine(), p.getCol(), p.getOriginalMessage());
            }
            throw RdfSyntaxException.wholeFile(file, messageOf(e));
        } catch (RuntimeException e) {
            // Parsers below RIOT (titanium, XML) may fail with their own exceptions; still a syntax error.
            throw RdfSyntaxException.wholeFile(file, messageOf(e));
        }
    }

    private static RdfSyntaxException remoteContextRefused(byte[] bytes, Path file, URI refused) {
        String detail = "remote JSON-LD context <" + refused + "> refused: sources are read without network access; "
                + "put the context inline (\"@context\": { ... }) instead";
        TextPosition at = TextPosition.of(new String(bytes, StandardCharsets.UTF_8), refused.toString());
        return new RdfSyntaxException(file, at.line(), at.column(), detail);
    }

    private static boolean isJsonLd(Lang lang) {
        return Lang.JSONLD.equals(lang) || Lang.JSONLD11.equals(lang);
    }

    private static void requireTripleLang(Lang lang) {
        if (!LANG_BY_EXTENSION.containsValue(lang) && !isJsonLd(lang)) {
            throw new IllegalArgumentException("RDF syntax " + lang.getLabel() + " is not read as a source; use one of "
                    + supportedExtensionsText() + " (quad formats name their own graphs, but each source file is one graph)");
        }
    }

    private static String supportedExtensionsText() {
        return "." + String.join(" .", LANG_BY_EXTENSION.keySet());
    }

    static String extensionOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String messageOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return message != null ? message : root.getClass().getSimpleName();
    }

    /** Keeps the first error with its position and stops the parse; warnings are logged with theirs. */
    private static final class FirstErrorHandler implements ErrorHandler {
        private final Path file;
        RdfSyntaxException first;

        FirstErrorHandler(Path file) {
            this.file = file;
        }

        @Override
        public void warning(String message, long line, long col) {
            LOG.warn("{}: {}", RdfSyntaxException.location(file, line, col), message);
        }

        @Override
        public void error(String message, long line, long col) {
            fatal(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            if (first == null) {
                first = new RdfSyntaxException(file, line, col, message);
            }
            throw new RiotParseException(message, line, col);
        }
    }

    /** The JSON-LD document loader: every remote (or file:) context is refused, and remembered for the message. */
    private static final class RemoteContextRefusal implements com.apicatalog.jsonld.loader.DocumentLoader {
        URI refused;

        @Override
        public com.apicatalog.jsonld.document.Document loadDocument(URI url, com.apicatalog.jsonld.loader.DocumentLoaderOptions options)
                throws JsonLdError {
            if (refused == null) {
                refused = url;
            }
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "remote JSON-LD context <" + url + "> refused");
        }
    }
}
