package vn.tinhso.opendata;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * package_search's Solr-style parameters as a {@link DatasetQuery}: {@code fq} (and field terms in
 * {@code q}) of the form {@code field:value}, {@code field:"quoted value"} or {@code field:(a OR b)},
 * optionally prefixed with {@code +}, on organization, groups, tags, res_format, license_id, plus
 * CKAN's own dataset_type, state and capacity terms; terms are ANDed. Anything else is a Search Query
 * Error, as Solr's parser would refuse it (docs/ckan-api.md).
 */
final class CkanSearch {

    /** What the parsed terms ask: facet filters, and whether drafts or private datasets are asked for. */
    record Terms(Map<Facet, List<Set<String>>> filters, List<String> text, boolean none) {
    }

    private CkanSearch() {
    }

    static Terms parse(String q, String fq) {
        Map<Facet, List<Set<String>>> filters = new EnumMap<>(Facet.class);
        List<String> text = new ArrayList<>();
        boolean[] none = {false};
        if (q != null && !q.isBlank() && !q.strip().equals("*:*")) {
            for (String token : tokens(q)) {
                if (fieldTerm(token)) {
                    term(token, filters, none);
                } else {
                    text.add(unquote(token));
                }
            }
        }
        if (fq != null && !fq.isBlank()) {
            for (String token : tokens(fq)) {
                if (!fieldTerm(token)) {
                    throw CkanFailure.searchQuery("'" + token + "' is not a field:value term");
                }
                term(token, filters, none);
            }
        }
        return new Terms(filters, text, none[0]);
    }

    private static boolean fieldTerm(String token) {
        int colon = token.indexOf(':');
        return colon > 0 && !token.startsWith("\"") && token.substring(0, colon).replaceFirst("^[+]", "")
                .matches("[A-Za-z_.]+");
    }

    private static void term(String token, Map<Facet, List<Set<String>>> filters, boolean[] none) {
        String t = token.startsWith("+") ? token.substring(1) : token;
        if (t.startsWith("-")) {
            throw CkanFailure.searchQuery("negative terms are not supported: " + token);
        }
        int colon = t.indexOf(':');
        String field = t.substring(0, colon);
        String value = t.substring(colon + 1);
        if (value.isEmpty()) {
            throw CkanFailure.searchQuery("no value for " + field);
        }
        Set<String> values = values(value, token);
        switch (field) {
            case "dataset_type" -> none[0] |= !values.contains("dataset");
            case "state" -> none[0] |= !values.contains("active");
            case "capacity" -> none[0] |= !values.contains("public");
            default -> {
                Facet facet = Facet.ofCkan(field).orElseThrow(() -> CkanFailure.searchQuery("unknown field '"
                        + field + "'"));
                Set<String> normalised = new LinkedHashSet<>();
                for (String v : values) {
                    normalised.add(facet == Facet.FORMAT ? v.toUpperCase(Locale.ROOT) : v);
                }
                filters.computeIfAbsent(facet, k -> new ArrayList<>()).add(normalised);
            }
        }
    }

    private static Set<String> values(String value, String token) {
        Set<String> values = new LinkedHashSet<>();
        if (value.startsWith("(")) {
            if (!value.endsWith(")")) {
                throw CkanFailure.searchQuery("unbalanced parentheses in " + token);
            }
            String inner = value.substring(1, value.length() - 1).strip();
            for (String part : tokens(inner)) {
                if (part.equals("OR")) {
                    continue;
                }
                if (part.equals("AND") || part.equals("NOT") || part.startsWith("(")) {
                    throw CkanFailure.searchQuery("only OR lists are supported in " + token);
                }
                values.add(unquote(part));
            }
            if (values.isEmpty()) {
                throw CkanFailure.searchQuery("empty list in " + token);
            }
            return values;
        }
        values.add(unquote(value));
        return values;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1)
                .replace("\\\"", "\"") : s;
    }

    /** Splits on spaces outside quotes and parentheses; refuses unbalanced ones. */
    static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (--depth < 0) {
                    throw CkanFailure.searchQuery("unbalanced parentheses");
                }
            }
            if (!quoted && depth == 0 && Character.isWhitespace(c)) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            current.append(c);
        }
        if (quoted) {
            throw CkanFailure.searchQuery("unbalanced quotes");
        }
        if (depth != 0) {
            throw CkanFailure.searchQuery("unbalanced parentheses");
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        tokens.removeIf(t -> t.equals("AND") || t.equals("&&"));
        return tokens;
    }

    /** CKAN's sort parameter, e.g. {@code "score desc, metadata_modified desc"}. */
    static List<DatasetQuery.Sort> sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return List.of();
        }
        List<DatasetQuery.Sort> list = new ArrayList<>();
        for (String part : sort.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            String field = words[0];
            if (!DatasetQuery.SORT_FIELDS.contains(field)) {
                throw CkanFailure.searchQuery("can not sort on '" + field + "'");
            }
            boolean descending = false;
            if (words.length > 1) {
                switch (words[1].toLowerCase(Locale.ROOT)) {
                    case "desc" -> descending = true;
                    case "asc" -> descending = false;
                    default -> throw CkanFailure.searchQuery("sort direction must be asc or desc: " + part.strip());
                }
            }
            if (words.length > 2) {
                throw CkanFailure.searchQuery("bad sort: " + part.strip());
            }
            list.add(new DatasetQuery.Sort(field, descending));
        }
        return list;
    }
}
