package vn.tinhso.opendata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parameters of one CKAN action call, from a JSON body or from the query string and form fields,
 * read with CKAN's own conversions (a list may come as a JSON text, a boolean as "true"/"1"), and
 * refused as CKAN refuses them (a Validation Error naming the field).
 */
final class CkanParams {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, Object> values;

    CkanParams(Map<String, Object> values) {
        this.values = values;
    }

    Map<String, Object> all() {
        return values;
    }

    boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    String string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof Collection) {
            throw CkanFailure.validation(key, "Must be a string");
        }
        return String.valueOf(v);
    }

    String required(String key) {
        String v = string(key);
        if (v == null || v.isBlank()) {
            throw CkanFailure.validation(key, "Missing value");
        }
        return v;
    }

    boolean bool(String key, boolean otherwise) {
        Object v = values.get(key);
        if (v == null) {
            return otherwise;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).strip().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw CkanFailure.validation(key, "Must be a boolean");
        };
    }

    /** A natural number (0 or more), or the default. */
    int natural(String key, int otherwise) {
        Object v = values.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            return otherwise;
        }
        try {
            long n = v instanceof Number num ? num.longValue() : Long.parseLong(String.valueOf(v).strip());
            if (n < 0) {
                throw CkanFailure.validation(key, "Must be a natural number");
            }
            return (int) Math.min(n, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw CkanFailure.validation(key, "Invalid integer");
        }
    }

    int integer(String key, int otherwise) {
        Object v = values.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            return otherwise;
        }
        try {
            return v instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw CkanFailure.validation(key, "Invalid integer");
        }
    }

    /** A list of strings: a JSON list, a JSON text of a list, a comma-free single value, or repeated fields. */
    List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Collection<?> c) {
            List<String> list = new ArrayList<>();
            for (Object o : c) {
                if (o instanceof Map<?, ?> m && m.get("name") != null) {
                    list.add(String.valueOf(m.get("name")));
                } else if (o instanceof Map<?, ?> m && m.get("id") != null) {
                    list.add(String.valueOf(m.get("id")));
                } else if (o != null && !(o instanceof Map)) {
                    list.add(String.valueOf(o));
                } else {
                    throw CkanFailure.validation(key, "Not a list of strings");
                }
            }
            return list;
        }
        String s = String.valueOf(v).strip();
        if (s.startsWith("[")) {
            try {
                return strings(key, JSON.readValue(s, List.class));
            } catch (RuntimeException e) {
                throw CkanFailure.validation(key, "Not a valid JSON list");
            }
        }
        return s.isEmpty() ? List.of() : List.of(s);
    }

    private List<String> strings(String key, List<?> list) {
        return new CkanParams(Map.of(key, list)).strings(key);
    }

    /** A list of objects (resources, extras, groups as dictionaries). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> dicts(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s && s.strip().startsWith("[")) {
            try {
                v = JSON.readValue(s, List.class);
            } catch (RuntimeException e) {
                throw CkanFailure.validation(key, "Not a valid JSON list");
            }
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(o -> !(o instanceof Map))) {
            throw CkanFailure.validation(key, "Must be a list of dictionaries");
        }
        return (List<Map<String, Object>>) v;
    }
}
