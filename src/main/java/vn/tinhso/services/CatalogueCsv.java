package vn.tinhso.services;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import vn.tinhso.shared.InvalidInput.Violation;

/**
 * The catalogue as CSV, one procedure per row, lists as lines inside a cell (docs/procedure-catalogue.md):
 * methods {@code ONLINE: 20 ngày} or {@code DIRECT: 0 ngày 8 giờ}; fees {@code description | FREE|FIXED|VARIES
 * | amount}; documents {@code name | originals | copies | có/không | template}; the e-form as JSON.
 */
final class CatalogueCsv {

    static final String[] HEADERS = {"code", "name", "domain", "domain_name", "domain_name_en", "levels", "agency",
        "online_level", "applicants", "methods", "fees", "documents", "result", "legal_basis", "conditions", "form",
        "status", "demo"};
    private static final Pattern METHOD = Pattern.compile(
            "(ONLINE|DIRECT|POST)\\s*:\\s*(\\d+)\\s*(?:ngày|days?)?(?:\\s+(\\d+)\\s*(?:giờ|hours?|h))?\\s*(?:\\|\\s*(.*))?",
            Pattern.CASE_INSENSITIVE);

    private CatalogueCsv() {
    }

    static void write(List<Procedure> procedures, Writer out) {
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADERS).get().print(out)) {
            for (Procedure p : procedures) {
                csv.printRecord(p.code(), p.name(), p.domain().code(), p.domain().name(), p.domain().nameEn(),
                        String.join(";", p.levels().stream().map(Enum::name).toList()), p.agencyCode(),
                        p.onlineLevel(), p.applicants(), lines(p.methods().stream().map(CatalogueCsv::method)),
                        lines(p.fees().stream().map(f -> f.description() + " | " + f.kind()
                                + (f.amount() == null ? "" : " | " + f.amount()))),
                        lines(p.documents().stream().map(d -> d.name() + " | " + d.originals() + " | " + d.copies()
                                + " | " + (d.required() ? "có" : "không")
                                + (d.template() == null ? "" : " | " + d.template()))),
                        p.result(), lines(p.legalBasis().stream()), p.conditions(),
                        p.form() == null ? null : ProcedureCatalogue.JSON.writeValueAsString(p.form()), p.status(), p.demo());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String method(Procedure.Method m) {
        return m.method() + ": " + m.days() + " ngày" + (m.hours() == null ? "" : " " + m.hours() + " giờ")
                + (m.note() == null ? "" : " | " + m.note());
    }

    private static String lines(java.util.stream.Stream<String> items) {
        return String.join("\n", items.toList());
    }

    /** Reads the file; rows that cannot be understood are reported as violations {@code row[n].column}. */
    static CatalogueFile read(Reader reader, List<Violation> errors) {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        try {
            int first = in.read();
            if (first >= 0 && first != '\uFEFF') {
                in.unread(first); // a spreadsheet's byte order mark is skipped, anything else kept
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Domain> domains = new LinkedHashMap<>();
        List<ProcedureInput> procedures = new ArrayList<>();
        try {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                    .parse(in);
            List<String> missing = Arrays.stream(HEADERS).filter(h -> !h.equals("demo"))
                    .filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
            if (!missing.isEmpty()) {
                errors.add(new Violation("header", "invalid.csv_header", String.join(", ", missing)));
                return new CatalogueFile(CatalogueFile.FORMAT, false, List.of(), List.of());
            }
            for (CSVRecord row : parser) {
                String at = "row[" + (row.getRecordNumber() + 1) + "].";
                String domain = blank(row.get("domain"));
                if (domain != null && blank(row.get("domain_name")) != null) {
                    domains.putIfAbsent(domain, new Domain(domain, row.get("domain_name"), blank(row.get("domain_name_en"))));
                }
                procedures.add(new ProcedureInput(blank(row.get("code")), blank(row.get("name")), domain,
                        enums(row.get("levels"), Procedure.Level.class, at + "levels", errors), blank(row.get("agency")),
                        one(row.get("online_level"), Procedure.OnlineLevel.class, at + "online_level", errors),
                        blank(row.get("applicants")), methods(row.get("methods"), at + "methods", errors),
                        fees(row.get("fees"), at + "fees", errors), documents(row.get("documents"), at + "documents", errors),
                        blank(row.get("result")), splitLines(row.get("legal_basis")), blank(row.get("conditions")),
                        form(row.get("form"), at + "form", errors),
                        one(row.get("status"), ProcedureStatus.class, at + "status", errors),
                        row.isMapped("demo") && blank(row.get("demo")) != null
                                ? Boolean.valueOf(row.get("demo").strip()) : null));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new Violation("file", "invalid.csv", e.getMessage()));
        }
        return new CatalogueFile(CatalogueFile.FORMAT, false, List.copyOf(domains.values()), procedures);
    }

    private static List<Procedure.Method> methods(String cell, String at, List<Violation> errors) {
        List<Procedure.Method> methods = new ArrayList<>();
        for (String line : splitLines(cell)) {
            Matcher m = METHOD.matcher(line);
            if (!m.matches()) {
                errors.add(new Violation(at, "invalid.csv_method", line));
                continue;
            }
            methods.add(new Procedure.Method(Procedure.Channel.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                    Integer.parseInt(m.group(2)), m.group(3) == null ? null : Integer.valueOf(m.group(3)),
                    blank(m.group(4))));
        }
        return methods;
    }

    private static List<Procedure.Fee> fees(String cell, String at, List<Violation> errors) {
        List<Procedure.Fee> fees = new ArrayList<>();
        for (String line : splitLines(cell)) {
            String[] parts = line.split("\\|", -1);
            Procedure.FeeKind kind = parts.length < 2 ? null : one(parts[1], Procedure.FeeKind.class, at, errors);
            Long amount = null;
            if (parts.length > 2 && blank(parts[2]) != null) {
                try {
                    amount = Long.valueOf(parts[2].strip().replace(".", "").replace(",", ""));
                } catch (NumberFormatException e) {
                    errors.add(new Violation(at, "invalid.csv_fee", line));
                }
            }
            if (kind == null) {
                errors.add(new Violation(at, "invalid.csv_fee", line));
            } else {
                fees.add(new Procedure.Fee(parts[0].strip(), kind, amount));
            }
        }
        return fees;
    }

    private static List<Procedure.RequiredDocument> documents(String cell, String at, List<Violation> errors) {
        List<Procedure.RequiredDocument> documents = new ArrayList<>();
        for (String line : splitLines(cell)) {
            String[] parts = line.split("\\|", -1);
            try {
                if (parts.length < 4) {
                    throw new NumberFormatException();
                }
                String required = parts[3].strip().toLowerCase(Locale.ROOT);
                documents.add(new Procedure.RequiredDocument(parts[0].strip(), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()), required.equals("có") || required.equals("yes")
                                || required.equals("true"), parts.length > 4 ? blank(parts[4]) : null));
            } catch (NumberFormatException e) {
                errors.add(new Violation(at, "invalid.csv_document", line));
            }
        }
        return documents;
    }

    private static EForm form(String cell, String at, List<Violation> errors) {
        if (blank(cell) == null) {
            return null;
        }
        try {
            return ProcedureCatalogue.JSON.readValue(cell, EForm.class);
        } catch (RuntimeException e) {
            errors.add(new Violation(at, "invalid.csv_form"));
            return null;
        }
    }

    private static <E extends Enum<E>> List<E> enums(String cell, Class<E> type, String at, List<Violation> errors) {
        List<E> values = new ArrayList<>();
        for (String part : cell == null ? new String[0] : cell.split("[;,]")) {
            if (blank(part) != null) {
                E value = one(part, type, at, errors);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static <E extends Enum<E>> E one(String text, Class<E> type, String at, List<Violation> errors) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Violation(at, "invalid.choice"));
            return null;
        }
    }

    private static List<String> splitLines(String cell) {
        return cell == null ? List.of() : cell.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
