package dev.nightjar.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * arXiv's query API ({@code GET /api/query}) over {@link SamplePapers}: the Atom 1.0 feed with
 * {@code opensearch:} paging totals and {@code arxiv:} extensions, as arXiv's API user manual shows it.
 * Understands what the connector sends: {@code cat:} terms and quoted {@code all:"…"} phrases,
 * {@code start}, {@code max_results}, and {@code sortBy} (latest version or first submission, newest
 * first). An unknown {@code search_query} field
 * gets arXiv's in-band error entry.
 */
final class ArxivServer extends ApiServer {

    static final String PATH = "/api/query";
    private static final Pattern CATEGORY = Pattern.compile("cat:([A-Za-z.\\-]+)");
    private static final Pattern PHRASE = Pattern.compile("all:\"([^\"]*)\"");

    ArxivServer(SampleCompany company) {
        super("arxiv", company);
    }

    /** The query endpoint, {@code http://127.0.0.1:PORT/api/query}. */
    String endpoint() {
        return origin() + PATH;
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            send(exchange, 404, "{\"message\":\"not found\"}", Map.of());
            return;
        }
        Map<String, String> q = query(exchange);
        String search = q.getOrDefault("search_query", "");
        int start = Math.max(0, parse(q.get("start"), 0));
        int max = Math.clamp(parse(q.get("max_results"), 10), 0, 2000);
        List<SamplePapers.Paper> matching = new ArrayList<>();
        List<String> categories = all(CATEGORY, search);
        List<String> phrases = all(PHRASE, search);
        List<SamplePapers.Paper> papers;
        synchronized (company) {
            papers = SamplePapers.generate(company.now());
        }
        for (SamplePapers.Paper p : papers) {
            boolean inCategory = categories.isEmpty() || p.categories().stream().anyMatch(categories::contains);
            String text = (p.title() + " " + p.summary()).toLowerCase(Locale.ROOT);
            boolean hasPhrase = phrases.isEmpty() || phrases.stream().anyMatch(ph -> text.contains(ph.toLowerCase(Locale.ROOT)));
            if (inCategory && hasPhrase) matching.add(p);
        }
        // arXiv's sortBy: lastUpdatedDate orders by each paper's latest version, submittedDate by v1
        boolean byUpdate = "lastUpdatedDate".equals(q.get("sortBy"));
        matching.sort(Comparator.comparing(byUpdate ? SamplePapers.Paper::updated : SamplePapers.Paper::published).reversed());
        String error = categories.isEmpty() && phrases.isEmpty() ? "malformed query: " + search : null;
        List<SamplePapers.Paper> page = error != null ? List.of()
                : matching.subList(Math.min(start, matching.size()), Math.min(start + max, matching.size()));
        sendAtom(exchange, feed(search, error == null ? matching.size() : 1, start, page, error));
    }

    private static String feed(String search, int total, int start, List<SamplePapers.Paper> page, String error) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            w.writeNamespace("opensearch", "http://a9.com/-/spec/opensearch/1.1/");
            w.writeNamespace("arxiv", "http://arxiv.org/schemas/atom");
            text(w, "http://www.w3.org/2005/Atom", "title", "arXiv Query: search_query=" + search);
            text(w, "http://www.w3.org/2005/Atom", "id", "https://arxiv.org/api/sandbox");
            text(w, "http://a9.com/-/spec/opensearch/1.1/", "totalResults", Integer.toString(total));
            text(w, "http://a9.com/-/spec/opensearch/1.1/", "startIndex", Integer.toString(start));
            text(w, "http://a9.com/-/spec/opensearch/1.1/", "itemsPerPage", Integer.toString(page.size()));
            if (error != null) {
                w.writeStartElement("entry");
                text(w, "http://www.w3.org/2005/Atom", "id", "http://arxiv.org/api/errors#incorrect_id_format");
                text(w, "http://www.w3.org/2005/Atom", "title", "Error");
                text(w, "http://www.w3.org/2005/Atom", "summary", error);
                w.writeEndElement();
            }
            for (SamplePapers.Paper p : page) entry(w, p);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter w, SamplePapers.Paper p) throws XMLStreamException {
        String atom = "http://www.w3.org/2005/Atom";
        String abs = "http://arxiv.org/abs/" + p.id() + "v" + p.version();
        w.writeStartElement("entry");
        text(w, atom, "id", abs);
        text(w, atom, "updated", p.updated().toString());
        text(w, atom, "published", p.published().toString());
        text(w, atom, "title", p.title());
        text(w, atom, "summary", "  " + p.summary() + "\n");
        for (String a : p.authors()) {
            w.writeStartElement("author");
            text(w, atom, "name", a);
            w.writeEndElement();
        }
        w.writeEmptyElement("link");
        w.writeAttribute("href", abs);
        w.writeAttribute("rel", "alternate");
        w.writeAttribute("type", "text/html");
        w.writeEmptyElement("link");
        w.writeAttribute("title", "pdf");
        w.writeAttribute("href", "http://arxiv.org/pdf/" + p.id() + "v" + p.version());
        w.writeAttribute("rel", "related");
        w.writeAttribute("type", "application/pdf");
        w.writeEmptyElement("http://arxiv.org/schemas/atom", "primary_category");
        w.writeAttribute("term", p.primary());
        w.writeAttribute("scheme", "http://arxiv.org/schemas/atom");
        for (String c : p.categories()) {
            w.writeEmptyElement("category");
            w.writeAttribute("term", c);
            w.writeAttribute("scheme", "http://arxiv.org/schemas/atom");
        }
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        if (ns.equals("http://www.w3.org/2005/Atom")) w.writeStartElement(name);
        else w.writeStartElement(ns, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void sendAtom(HttpExchange exchange, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
