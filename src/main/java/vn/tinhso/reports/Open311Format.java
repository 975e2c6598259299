package vn.tinhso.reports;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two formats of GeoReport v2, chosen by the extension of the path. A document is a tree of
 * maps (elements in order), lists and plain values, written the same way to both: in XML a list is
 * an element holding one element per item (named by {@link #ITEMS}), null an empty element.
 */
enum Open311Format {
    XML(MediaType.parseMediaType("text/xml;charset=UTF-8")), JSON(MediaType.APPLICATION_JSON);

    /** The element of each item of a list, by the list's element. */
    private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
            "errors", "error", "attributes", "attribute", "values", "value", "endpoints", "endpoint",
            "formats", "format");
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format of an extension ({@code xml}, {@code json}), or null when it is neither. */
    static Open311Format of(String extension) {
        return switch (extension == null ? "" : extension.toLowerCase(Locale.ROOT)) {
            case "xml" -> XML;
            case "json" -> JSON;
            default -> null;
        };
    }

    /** The format asked for by a request path; XML, the specification's first format, when none. */
    static Open311Format ofPath(String path) {
        Open311Format format = of(extension(path));
        return format == null ? XML : format;
    }

    /** What follows the last dot of the last segment, or null. */
    static String extension(String path) {
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(dot + 1);
    }

    /** The response: the root element (XML only) holding the content, a list or a map. */
    ResponseEntity<byte[]> respond(HttpStatusCode status, String root, Object content) {
        return ResponseEntity.status(status).contentType(mediaType).body(write(root, content));
    }

    byte[] write(String root, Object content) {
        if (this == JSON) {
            return JSON_MAPPER.writeValueAsBytes(content);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, content);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write an Open311 document", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof List<?> items) {
            String item = ITEMS.getOrDefault(name, "item");
            for (Object each : items) {
                element(xml, item, each);
            }
        } else if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                element(xml, String.valueOf(field.getKey()), field.getValue());
            }
        } else {
            xml.writeCharacters(text(value));
        }
        xml.writeEndElement();
    }

    /** A value as XML text; a coordinate in plain decimal notation, never {@code 1.0E-4}. */
    private static String text(Object value) {
        return value instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : String.valueOf(value);
    }
}
