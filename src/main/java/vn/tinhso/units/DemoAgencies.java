package vn.tinhso.units;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.shared.DemoSettings;
import vn.tinhso.shared.PageResult;

/**
 * Demo agencies at first start (only when {@code tinhso.demo.enabled}): a set of provincial
 * departments, the public administration centre, and the People's Committee of every commune of
 * the configured province, taken from the imported units. Codes are demo codes, not official ones.
 */
@Component
@Order(2)
class DemoAgencies implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAgencies.class);
    private static final List<String> DEPARTMENTS = List.of("Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ",
            "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Công Thương",
            "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
            "Sở Dân tộc và Tôn giáo");

    private final AgencyManagement agencies;
    private final UnitManagement units;
    private final UnitsSettings settings;
    private final DemoSettings demo;
    private final TransactionTemplate tx;

    DemoAgencies(AgencyManagement agencies, UnitManagement units, UnitsSettings settings, DemoSettings demo,
            TransactionTemplate tx) {
        this.tx = tx;
        this.agencies = agencies;
        this.units = units;
        this.settings = settings;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> createAll()); // all or nothing
    }

    private void createAll() {
        if (!demo.enabled() || agencies.search(null, null, new PageResult.Request(0, 1)).total() > 0) {
            return;
        }
        String province = settings.provinceCode();
        String suffix = settings.agencyCodeSuffix();
        create("000.00.01." + suffix, "Trung tâm Phục vụ hành chính công tỉnh",
                AgencyKind.PUBLIC_ADMINISTRATION_CENTRE, AgencyLevel.PROVINCE, province);
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            create("000.00.%02d.%s".formatted(i + 2, suffix), DEPARTMENTS.get(i), AgencyKind.DEPARTMENT,
                    AgencyLevel.PROVINCE, province);
        }
        for (Unit commune : units.communes(Structure.Y2025, province)) {
            create("000.%s.%s".formatted(commune.code(), suffix), "Ủy ban nhân dân " + commune.name(),
                    AgencyKind.PEOPLES_COMMITTEE, AgencyLevel.COMMUNE, commune.code());
        }
        log.info("Created demo agencies for province {}", province);
    }

    private void create(String code, String name, AgencyKind kind, AgencyLevel level, String unit) {
        agencies.create(new AgencyForm(code, name, kind, level, unit, null, null, true));
    }
}
