package vn.tinhso.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.tinhso.Browser;
import vn.tinhso.IntegrationTest;
import vn.tinhso.identity.AccountView;
import vn.tinhso.identity.TestAccounts;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarAdminBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    CalendarManagement calendar;
    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser("http://localhost:" + port);
        AccountView admin = accounts.create("Quản Trị Lịch", TestAccounts.admin());
        browser.signIn(admin.email(), TestAccounts.PASSWORD);
        browser.find("#nav-account");
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void anAdministratorAddsAMakeUpWorkingDayThatDeadlinesThenCount() {
        // Saturday 06/03/2038 is a weekend day: an ordinary rest day until the make-up day is entered.
        LocalDate saturday = LocalDate.of(2038, 3, 6);
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        browser.open("/admin/calendar?year=2038");
        browser.type("#date", "06/03/2038").click("#kind-WORKING_DAY").type("#reason", "Làm bù cho ngày nghỉ 30/4");
        browser.click("#adjustment-submit");
        assertThat(browser.text("#adjustment-added")).isNotBlank();
        assertThat(browser.text("#adjustments")).contains("06/03/2038").contains("Làm bù cho ngày nghỉ 30/4");
        assertThat(calendar.isWorkingDay(saturday)).isTrue();
    }

    @Test
    void aMakeUpDayOnAWeekdayIsRefusedInVietnameseAndWhatWasTypedStays() {
        browser.open("/admin/calendar?year=2038");
        browser.type("#date", "10/03/2038").click("#kind-WORKING_DAY").type("#reason", "Nhầm ngày thường");
        browser.click("#adjustment-submit");
        assertThat(browser.text("#date-error")).isNotBlank();
        assertThat(browser.find("#date").getAttribute("value")).isEqualTo("10/03/2038");
        assertThat(browser.find("#reason").getAttribute("value")).isEqualTo("Nhầm ngày thường");
        assertThat(calendar.adjustments(2038)).noneMatch(a -> a.date().equals(LocalDate.of(2038, 3, 10)));
    }
}
