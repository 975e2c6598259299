package vn.tinhso.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tinhso.shared.DemoSettings;
import vn.tinhso.shared.PageResult;
import vn.tinhso.units.Agency;
import vn.tinhso.units.AgencyKind;
import vn.tinhso.units.AgencyLevel;
import vn.tinhso.units.AgencyManagement;

/**
 * Demo accounts, one per role, created at the first start with demo content. Their passwords are
 * random and printed once, to the console; nothing ships with a well-known password.
 */
@Component
@Order(3)
class DemoAccounts implements ApplicationRunner {

    private final IdentityManagement identity;
    private final AgencyManagement agencies;
    private final DemoSettings demo;
    private final TransactionTemplate tx;

    DemoAccounts(IdentityManagement identity, AgencyManagement agencies, DemoSettings demo, TransactionTemplate tx) {
        this.identity = identity;
        this.agencies = agencies;
        this.demo = demo;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        // All or nothing: a start that fails half-way must not leave some demo accounts behind.
        tx.executeWithoutResult(status -> createAll());
    }

    private void createAll() {
        if (!demo.enabled() || identity.search(null, Role.ADMIN, new PageResult.Request(0, 1)).total() > 0) {
            return;
        }
        List<Agency> all = agencies.all();
        List<Agency> province = all.stream().filter(a -> a.kind() == AgencyKind.PUBLIC_ADMINISTRATION_CENTRE).toList();
        List<Agency> communes = all.stream().filter(a -> a.level() == AgencyLevel.COMMUNE).toList();
        List<String> lines = new ArrayList<>();
        lines.add(create("quantri@demo.tinhso.vn", "Quản trị viên", new RoleGrant(Role.ADMIN, null)));
        if (!province.isEmpty()) {
            // The provincial public administration centre's desk receives the dossiers of every
            // provincial department (Decree 118/2025/NĐ-CP art. 14(2)), so the demo desk officer and
            // leader act for the centre and the departments.
            List<Agency> desk = all.stream().filter(a -> a.level() == AgencyLevel.PROVINCE).toList();
            lines.add(create("canbo@demo.tinhso.vn", "Nguyễn Văn Cán Bộ",
                    desk.stream().map(a -> new RoleGrant(Role.OFFICER, a.id())).toArray(RoleGrant[]::new)));
            lines.add(create("lanhdao@demo.tinhso.vn", "Lê Thị Lãnh Đạo",
                    desk.stream().map(a -> new RoleGrant(Role.LEADER, a.id())).toArray(RoleGrant[]::new)));
        }
        if (!communes.isEmpty()) {
            lines.add(create("canboxa@demo.tinhso.vn", "Trần Văn Cán Bộ Xã",
                    new RoleGrant(Role.OFFICER, communes.get(0).id())));
        }
        lines.add(create("congdan@demo.tinhso.vn", "Phạm Thị Công Dân", new RoleGrant(Role.CITIZEN, null)));
        // Printed on purpose, once: the operator needs these to sign in to the demo.
        System.out.println("""

                ================ Tỉnh Số demo accounts (shown once, at first start) ================
                %s
                Passwords are random; change them or reset the data directory to get new ones.
                ======================================================================================
                """.formatted(String.join("\n", lines)));
    }

    private String create(String email, String name, RoleGrant... grants) {
        String password = Secrets.random(12);
        identity.createActive(email, name, password, List.of(grants));
        return "%-8s %-28s %s".formatted(grants[0].role(), email, password);
    }
}
