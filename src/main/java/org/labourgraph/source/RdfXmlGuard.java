package org.labourgraph.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Refuses RDF/XML that declares an external DTD or an external entity (XXE, CVE-2021-39239 family).
 * Jena's RDF/XML parser does not fetch them but silently replaces them with nothing, which would load
 * a different graph from the one the author wrote; we want a clear error instead. This pass reads only
 * the prolog (it stops at the root element) and never resolves anything outside the file.
 * Internal entities ({@code <!ENTITY ex "http://…">}, common in RDF/XML) stay allowed.
 */
final class RdfXmlGuard {
    private static final String HOW_TO_FIX = "sources are read without file or network access; "
            + "remove the DOCTYPE's external reference and write the text inline";

    private RdfXmlGuard() {}

    static void refuseExternalReferences(byte[] bytes, Path file) throws RdfSyntaxException {
        PrologInspector inspector = new PrologInspector();
        try {
            XMLReader reader = newSecureParser().getXMLReader();
            reader.setContentHandler(inspector);
            reader.setErrorHandler(inspector);
            reader.setEntityResolver(inspector);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", inspector);
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", (DeclHandler) inspector);
            reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (ExternalReferenceRefused refused) {
            throw new RdfSyntaxException(file, refused.getLineNumber(), refused.getColumnNumber(), refused.getMessage());
        } catch (PrologDone done) {
            // Reached the root element: the prolog is clean.
        } catch (SAXException | IOException e) {
            // Not well-formed: Jena's parser reports it with its own message and position.
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature: " + e.getMessage(), e);
        }
    }

    private static SAXParser newSecureParser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return parser;
    }

    private static final class PrologInspector extends DefaultHandler2 {
        private Locator locator;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            if (systemId != null) {
                throw new ExternalReferenceRefused("external DTD \"" + systemId + "\" refused: " + HOW_TO_FIX, locator);
            }
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new ExternalReferenceRefused("external entity '" + name + "' (\"" + systemId + "\") refused: " + HOW_TO_FIX, locator);
        }

        @Override
        public org.xml.sax.InputSource resolveEntity(String name, String publicId, String baseURI, String systemId) throws SAXException {
            throw new ExternalReferenceRefused("external reference \"" + systemId + "\" refused: " + HOW_TO_FIX, locator);
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes) throws SAXException {
            throw new PrologDone(locator);
        }
    }

    private static final class ExternalReferenceRefused extends SAXParseException {
        private static final long serialVersionUID = 1L;

        ExternalReferenceRefused(String message, Locator locator) {
            super(message, locator);
        }
    }

    private static final class PrologDone extends SAXParseException {
        private static final long serialVersionUID = 1L;

        PrologDone(Locator locator) {
            super("prolog read", locator);
        }
    }
}
