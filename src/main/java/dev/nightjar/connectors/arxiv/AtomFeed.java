package dev.nightjar.connectors.arxiv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * One page of arXiv's Atom feed, parsed with the JDK's namespace-aware DOM (DTDs and external entities
 * refused). Each entry becomes a small JSON object so it travels as a {@code SourceRecord} like every
 * other source's record: {@code id, title, summary, published, updated, authors[], primary_category,
 * categories[], links[{href, rel, type, title}], comment, journal_ref, doi}.
 * Shape from arXiv's API user manual (§3.3 "Atom results"); no recorded response exists in shared/api.
 *
 * @param totalResults {@code opensearch:totalResults}, or -1 when absent
 * @param entries      the entries in feed order (most recently updated first with {@code sortBy=lastUpdatedDate})
 * @param error        arXiv's in-band error (an entry whose id is {@code .../api/errors#...}), or null
 */
record AtomFeed(int totalResults, List<ObjectNode> entries, String error) {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException when the text is not a well-formed Atom feed (message says why) */
    static AtomFeed parse(String xml) {
        Element feed;
        try {
            feed = builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML (" + e.getMessage() + ")");
        }
        if (!"feed".equals(feed.getLocalName()) || !ATOM.equals(feed.getNamespaceURI())) {
            throw new IllegalArgumentException("not an Atom feed (root element <" + feed.getTagName() + ">)");
        }
        int total = -1;
        String totalText = childText(feed, OPENSEARCH, "totalResults");
        if (totalText != null) {
            try {
                total = Integer.parseInt(totalText.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("opensearch:totalResults is not a number: " + totalText);
            }
        }
        List<ObjectNode> entries = new ArrayList<>();
        String error = null;
        for (Element e : children(feed, ATOM, "entry")) {
            ObjectNode entry = entry(e);
            if (entry.path("id").asText().contains("/api/errors")) {
                error = entry.path("summary").asText(entry.path("title").asText("error"));
            } else {
                entries.add(entry);
            }
        }
        return new AtomFeed(total, entries, error);
    }

    private static ObjectNode entry(Element e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", childText(e, ATOM, "id"));
        o.put("title", squash(childText(e, ATOM, "title")));
        o.put("summary", squash(childText(e, ATOM, "summary")));
        o.put("published", childText(e, ATOM, "published"));
        o.put("updated", childText(e, ATOM, "updated"));
        ArrayNode authors = o.putArray("authors");
        for (Element a : children(e, ATOM, "author")) {
            String name = childText(a, ATOM, "name");
            if (name != null) authors.add(squash(name));
        }
        Element primary = first(children(e, ARXIV, "primary_category"));
        o.put("primary_category", primary == null ? null : primary.getAttribute("term"));
        ArrayNode categories = o.putArray("categories");
        for (Element c : children(e, ATOM, "category")) categories.add(c.getAttribute("term"));
        ArrayNode links = o.putArray("links");
        for (Element l : children(e, ATOM, "link")) {
            ObjectNode link = links.addObject();
            link.put("href", l.getAttribute("href"));
            link.put("rel", l.getAttribute("rel"));
            link.put("type", l.getAttribute("type"));
            link.put("title", l.getAttribute("title"));
        }
        o.put("comment", squash(childText(e, ARXIV, "comment")));
        o.put("journal_ref", squash(childText(e, ARXIV, "journal_ref")));
        o.put("doi", childText(e, ARXIV, "doi"));
        return o;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // a feed has no DTD; refusing one closes the door on entity expansion and external fetches
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // the default handler prints "[Fatal Error]" lines to stderr; the exception carries the message
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element el && name.equals(el.getLocalName()) && ns.equals(el.getNamespaceURI())) out.add(el);
        }
        return out;
    }

    private static Element first(List<Element> elements) {
        return elements.isEmpty() ? null : elements.get(0);
    }

    private static String childText(Element parent, String ns, String name) {
        Element e = first(children(parent, ns, name));
        return e == null ? null : e.getTextContent();
    }

    /** arXiv wraps titles and abstracts at ~80 columns; one space between words reads and matches better. */
    private static String squash(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").trim();
    }
}
