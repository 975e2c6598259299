package vn.tinhso.opendata;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Dataset descriptions are Markdown written by publishers (or harvested from other portals): rendered
 * safely for the pages. Raw HTML is escaped, never passed through ({@code <script>} shows as text), and
 * link and image addresses other than http, https and mailto are emptied ({@code javascript:},
 * {@code data:}). Links get {@code rel="nofollow noopener noreferrer"}.
 */
final class DatasetMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            }).build();

    private DatasetMarkdown() {
    }

    /** The description as safe HTML; empty for none. */
    static String html(String markdown) {
        return markdown == null || markdown.isBlank() ? "" : HTML.render(PARSER.parse(markdown));
    }

    /**
     * The words of the description without markup, link addresses or raw HTML (for meta descriptions,
     * JSON-LD and result lists), cut at a word before {@code max} characters with an ellipsis.
     */
    static String plain(String markdown, int max) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak br) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak br) {
                out.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                    out.append(' ');
                }
            }
        });
        String text = out.toString().replaceAll("\\s+", " ").strip();
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }
}
