package vn.tinhso.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import vn.tinhso.identity.IdentitySettings;
import vn.tinhso.shared.DemoSettings;
import vn.tinhso.shared.VietnameseText;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyLevel;
import vn.tinhso.units.AgencyManagement;
import vn.tinhso.units.Structure;
import vn.tinhso.units.Unit;
import vn.tinhso.units.UnitManagement;
import vn.tinhso.units.UnitsSettings;

/**
 * Fills the open data catalogue at start: the licences and domains (opendata/licences.json,
 * domains.json) into empty tables; with demo content on, the province's agencies as publishers, the
 * platform's own open data (administrative units as CSV; the procedure catalogue and field report
 * statistics as links to their public APIs), and 195 demo datasets (opendata/demo-datasets.json,
 * marked demo, each with a small CSV whose figures are illustrative).
 */
@Component
@Order(7)
class DemoOpenData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOpenData.class);
    static final String DEMO_NOTE = "\n\n*Dữ liệu mẫu: số liệu trong tệp chỉ để minh họa, không phải số liệu chính thức.*";
    private static final String PLATFORM = "tinhso";

    record LicenceRow(String id, String title, String titleEn, String url, boolean open) {
    }

    record DomainRow(String code, String title, String titleEn, String icon, String theme) {
    }

    record Template(String title, String titleEn, String notes, List<String> tags, String frequency,
            List<String> columns, boolean perCommune, int year) {
    }

    record Group(String domain, String publisher, List<Template> datasets) {
    }

    private final DatasetManagement catalogue;
    private final Datasets datasets;
    private final AgencyManagement agencies;
    private final UnitManagement units;
    private final UnitsSettings unitSettings;
    private final DemoSettings demo;
    private final OpendataSettings settings;
    private final IdentitySettings identity;
    private final JdbcClient jdbc;

    DemoOpenData(DatasetManagement catalogue, Datasets datasets, AgencyManagement agencies, UnitManagement units,
            UnitsSettings unitSettings, DemoSettings demo, OpendataSettings settings, IdentitySettings identity,
            JdbcClient jdbc) {
        this.catalogue = catalogue;
        this.datasets = datasets;
        this.agencies = agencies;
        this.units = units;
        this.unitSettings = unitSettings;
        this.demo = demo;
        this.settings = settings;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalogue.licences().isEmpty()) {
            List<LicenceRow> rows = read("opendata/licences.json", new TypeReference<>() {
            });
            for (int i = 0; i < rows.size(); i++) {
                LicenceRow l = rows.get(i);
                catalogue.saveLicence(new Licence(l.id(), l.title(), l.titleEn(), l.url(), l.open()), i);
            }
        }
        if (catalogue.domains().isEmpty()) {
            List<DomainRow> rows = read("opendata/domains.json", new TypeReference<>() {
            });
            for (int i = 0; i < rows.size(); i++) {
                DomainRow d = rows.get(i);
                catalogue.saveDomain(new DataDomain(d.code(), d.title(), d.titleEn(), null, d.icon(), d.theme(), i));
            }
        }
        if (!demo.enabled() || datasets.count() > 0) {
            return;
        }
        registerPublishers();
        long t0 = System.nanoTime();
        int platform = settings.platformDatasets() ? platformDatasets() : 0;
        int demoCount = settings.demoDatasets() ? demoDatasets() : 0;
        log.info("Loaded the open data catalogue: {} platform datasets, {} demo datasets in {} ms", platform,
                demoCount, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Every provincial agency publishes; its URL name is its folded name. */
    private void registerPublishers() {
        Set<String> names = new HashSet<>();
        for (Agency a : agencies.all()) {
            if (a.level() != AgencyLevel.PROVINCE || catalogue.publisher(a.id()).isPresent()) {
                continue;
            }
            String name = slug(a.name(), 60);
            for (int i = 2; !names.add(name); i++) {
                name = slug(a.name(), 56) + "-" + i;
            }
            catalogue.savePublisher(new Publisher(a.id(), name, a.name(), null, null, a.email()));
        }
    }

    private Publisher publisherNamed(String agencyName) {
        return catalogue.publishers().stream().filter(p -> p.title().equals(agencyName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo publisher " + agencyName));
    }

    private int platformDatasets() {
        Publisher office = publisherNamed("Văn phòng Ủy ban nhân dân tỉnh");
        String province = unitSettings.provinceCode();
        String base = identity.baseUrl().replaceAll("/+$", "");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Unit> communes = units.communes(Structure.Y2025, province);
        String csv = csv(List.of("ma_xa", "ten_xa", "loai", "ten_tieng_anh", "ma_tinh", "ten_tinh"), communes.stream()
                .map(u -> List.of(u.code(), u.name(), u.kind(), java.util.Objects.toString(u.englishName(), ""),
                        u.provinceCode(), u.provinceName())).toList());
        Dataset units = catalogue.createAs(new DatasetInput("don-vi-hanh-chinh-cap-xa-2025",
                "Danh mục đơn vị hành chính cấp xã của tỉnh (từ 01/7/2025)",
                "Commune-level administrative units of the province (since 1 July 2025)",
                "Danh mục " + communes.size() + " xã, phường, đặc khu của tỉnh theo cơ cấu hai cấp chính quyền địa "
                        + "phương từ ngày 01/7/2025, với mã đơn vị hành chính, tên, loại và tên tiếng Anh. Dữ liệu lấy "
                        + "từ danh mục đơn vị hành chính chính thức mà nền tảng sử dụng.",
                null, office.name(), "vn-open-data", false, "2025", "IRREG", "2025-07-01", null, List.of(province),
                office.title(), office.email(), null, List.of("đơn vị hành chính", "xã phường", "mã xã"),
                List.of("hanh-chinh-cong"), List.of(), null), false, null, null, PLATFORM, now);
        catalogue.addFileAs(units, new ResourceInput("Danh sách xã, phường, đặc khu", null, "CSV", null),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "don-vi-hanh-chinh-cap-xa-2025.csv", PLATFORM);
        link(office, "danh-muc-thu-tuc-hanh-chinh", "Danh mục thủ tục hành chính trên Cổng dịch vụ công của tỉnh",
                "Administrative procedures of the provincial public service portal",
                "Các thủ tục hành chính công bố trên Cổng dịch vụ công của tỉnh: mã, tên, lĩnh vực, cấp thực hiện, "
                        + "cơ quan thực hiện, thời hạn giải quyết, phí, lệ phí và mức độ trực tuyến. Dữ liệu đọc trực "
                        + "tiếp từ danh mục thủ tục của nền tảng.",
                List.of("thủ tục hành chính", "dịch vụ công", "một cửa"), "hanh-chinh-cong",
                "Danh mục thủ tục (JSON)", base + "/api/v1/procedures?size=200", "JSON", now);
        link(office, "thong-ke-phan-anh-hien-truong", "Thống kê phản ánh hiện trường (THANHHOA-S)",
                "Field report statistics (THANHHOA-S)",
                "Số phản ánh hiện trường theo trạng thái, lĩnh vực, xã phường và cơ quan xử lý; tỷ lệ xử lý đúng hạn, "
                        + "thời gian xử lý trung bình và mức hài lòng, 365 ngày gần nhất. Dữ liệu đọc trực tiếp từ hệ "
                        + "thống tiếp nhận phản ánh.",
                List.of("phản ánh hiện trường", "thống kê", "hài lòng"), "hanh-chinh-cong",
                "Thống kê phản ánh (JSON)", base + "/api/v1/reports/stats", "JSON", now);
        return 3;
    }

    private void link(Publisher publisher, String name, String title, String titleEn, String notes, List<String> tags,
            String domain, String resourceName, String url, String format, Instant now) {
        Dataset d = catalogue.createAs(new DatasetInput(name, title, titleEn, notes, null, publisher.name(),
                "vn-open-data", false, null, "UPDATE_CONT",
                java.time.LocalDate.ofInstant(now, vn.tinhso.shared.Zones.VIETNAM).toString(), null,
                List.of(unitSettings.provinceCode()),
                publisher.title(), publisher.email(), null, tags, List.of(domain), List.of(), null), false, null, null,
                PLATFORM, now);
        jdbc.sql("""
                INSERT INTO opendata.resource (id, dataset_id, position, name, format, url, created_at, modified_at)
                VALUES (gen_random_uuid(), :d, 0, :name, :format, :url, :now, :now)""")
                .param("d", d.id()).param("name", resourceName).param("format", format).param("url", url)
                .param("now", java.sql.Timestamp.from(now)).update();
        datasets.touch(d.id(), now, true);
    }

    private int demoDatasets() {
        List<Group> groups = read("opendata/demo-datasets.json", new TypeReference<>() {
        });
        List<Unit> communes = units.communes(Structure.Y2025, unitSettings.provinceCode());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<String> names = new HashSet<>();
        int count = 0;
        for (Group g : groups) {
            Publisher publisher = publisherNamed(g.publisher());
            for (Template t : g.datasets()) {
                Random random = new Random(t.title().hashCode());
                String name = slug(t.title(), 90);
                for (int i = 2; !names.add(name); i++) {
                    name = slug(t.title(), 86) + "-" + i;
                }
                Instant created = now.minus(30 + random.nextInt(700), ChronoUnit.DAYS);
                String licence = random.nextInt(5) == 0 ? "cc-by" : "vn-open-data";
                Dataset d = catalogue.createAs(new DatasetInput(name, t.title(), t.titleEn(), t.notes() + DEMO_NOTE,
                        null, publisher.name(), licence, false, String.valueOf(t.year()), t.frequency(),
                        t.year() + "-01-01", t.year() + "-12-31", List.of(unitSettings.provinceCode()),
                        publisher.title(), random.nextInt(6) == 0 ? null : publisher.email(), null, t.tags(),
                        List.of(g.domain()), List.of(new Dataset.Extra("demo", "true")), null), true, null, null,
                        PLATFORM, created);
                catalogue.addFileAs(d, new ResourceInput(t.title() + " (" + t.year() + ")", "Dữ liệu mẫu", "CSV", null),
                        new ByteArrayInputStream(table(t, communes, random).getBytes(StandardCharsets.UTF_8)),
                        name + ".csv", PLATFORM);
                jdbc.sql("UPDATE opendata.dataset SET views = :v, downloads = :dl, data_updated_at = :u WHERE id = :id")
                        .param("v", random.nextInt(5000)).param("dl", random.nextInt(800))
                        .param("u", java.sql.Timestamp.from(created.plus(random.nextInt(25), ChronoUnit.DAYS)))
                        .param("id", d.id()).update();
                datasets.reindex(d.id());
                count++;
            }
        }
        return count;
    }

    /** A small CSV in the template's columns, with illustrative figures (marked demo). */
    private static String table(Template t, List<Unit> communes, Random random) {
        List<Unit> rows = t.perCommune() ? communes : List.of();
        int n = t.perCommune() ? rows.size() : 12;
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                String column = t.columns().get(c);
                if (t.perCommune() && c == 0) {
                    cells.add(rows.get(i).code());
                } else if (t.perCommune() && c == 1) {
                    cells.add(rows.get(i).name());
                } else if (!t.perCommune() && c == 0) {
                    cells.add(String.valueOf(i + 1));
                } else if (column.contains("ty_le") || column.contains("phan_tram")) {
                    cells.add(String.format(java.util.Locale.ROOT, "%.1f", 40 + random.nextDouble() * 60));
                } else {
                    cells.add(String.valueOf(random.nextInt(2000)));
                }
            }
            table.add(cells);
        }
        return csv(t.columns(), table);
    }

    /** RFC 4180 CSV with a header row (Apache Commons CSV). */
    private static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A URL name from a Vietnamese text: folded, dashes between words, at most {@code max} characters. */
    static String slug(String text, int max) {
        String s = VietnameseText.fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > max) {
            s = s.substring(0, max).replaceAll("-[^-]*$", "");
        }
        return s.length() < 2 ? "du-lieu-" + s : s;
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return Datasets.JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
