package vn.tinhso.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import vn.tinhso.calendar.CalendarManagement;
import vn.tinhso.units.Agency;
import vn.tinhso.units.Unit;

/**
 * The made-up history of one demo report: submitted on a day of the last 90, then carried as far
 * as a drawn target state allows by now, with deadlines in working time as the real flow sets them
 * (late acceptances and resolutions included, so that some are overdue and some not on time).
 */
final class DemoLifecycle {

    record Step(String kind, ReportStatus status, String actor, String note, Instant at) {
    }

    record Demo(String category, String description, double lat, double lon, String commune, String address,
            String reporter, boolean anonymous, ReportStatus status, Severity severity, long agencyId,
            boolean visible, Instant submittedAt, Instant acceptDueAt, Instant acceptedAt, Instant handleDueAt,
            Instant resolvedAt, Instant closedAt, String answer, String rejectReason, Integer rating,
            String ratingComment, Instant ratedAt, int reopenCount, Instant escalatedAt, Boolean onTime,
            Instant updatedAt, List<Step> steps) {
    }

    private static final String OFFICER = "Cán bộ xử lý (dữ liệu mẫu)";
    private static final String REPORTER = "Người dân (dữ liệu mẫu)";

    private final CalendarManagement calendar;
    private final ReportsSettings settings;
    private final Random random;
    private final Instant now;
    private final JsonNode data;

    DemoLifecycle(CalendarManagement calendar, ReportsSettings settings, Random random, Instant now, JsonNode data) {
        this.calendar = calendar;
        this.settings = settings;
        this.random = random;
        this.now = now;
        this.data = data;
    }

    /** Mutable state while the history is drawn. */
    private static final class Draft {
        ReportStatus status = ReportStatus.SUBMITTED;
        Severity severity;
        Instant acceptDue;
        Instant accepted;
        Instant handleDue;
        Instant resolved;
        Instant closed;
        Instant rated;
        Instant escalated;
        String answer;
        String rejectReason;
        Integer rating;
        String ratingComment;
        Boolean onTime;
        int reopenCount;
        final List<Step> steps = new ArrayList<>();
    }

    Demo next(String category, Unit commune, double[] pin, Agency agency, Category c) {
        JsonNode texts = data.get("categories").get(category);
        Instant submitted = DemoReports.at(now.minus(Duration.ofDays(random.nextInt(90))), 6 + random.nextInt(15),
                random.nextInt(60));
        if (submitted.isAfter(now)) {
            submitted = now.minus(Duration.ofMinutes(5 + random.nextInt(240)));
        }
        Draft d = new Draft();
        d.acceptDue = calendar.addWorkingHours(submitted, settings.acceptWithin(), agency.id());
        d.steps.add(new Step("submitted", ReportStatus.SUBMITTED, null, null, submitted));
        ReportStatus target = target();
        if (target == ReportStatus.REJECTED) {
            reject(d, submitted);
        } else if (target != ReportStatus.SUBMITTED) {
            handle(d, submitted, target, agency, texts);
        }
        if (d.status.awaitsAcceptance() && d.acceptDue.isBefore(now)) {
            d.escalated = d.acceptDue;
        } else if (d.status.open() && d.handleDue != null && d.handleDue.isBefore(now)) {
            d.escalated = d.handleDue;
        }
        boolean anonymous = c.anonymousAllowed() && random.nextInt(10) < 3;
        JsonNode streets = data.get("streets");
        String address = "Gần số " + (1 + random.nextInt(250)) + " đường "
                + streets.get(random.nextInt(streets.size())).asString() + ", " + commune.name();
        Instant updated = d.steps.get(d.steps.size() - 1).at();
        return new Demo(category, pick(texts.get("descriptions")), pin[0], pin[1], commune.code(), address, REPORTER,
                anonymous, d.status, d.severity, agency.id(), c.publicByDefault(), submitted, d.acceptDue, d.accepted,
                d.handleDue, d.resolved, d.closed, d.answer, d.rejectReason, d.rating, d.ratingComment, d.rated,
                d.reopenCount, d.escalated, d.onTime, updated, d.steps);
    }

    private ReportStatus target() {
        double r = random.nextDouble();
        return r < 0.10 ? ReportStatus.SUBMITTED : r < 0.20 ? ReportStatus.ACCEPTED : r < 0.33
                ? ReportStatus.IN_PROGRESS : r < 0.48 ? ReportStatus.RESOLVED : r < 0.83 ? ReportStatus.CLOSED
                : r < 0.93 ? ReportStatus.REJECTED : ReportStatus.REOPENED;
    }

    private void reject(Draft d, Instant submitted) {
        Instant at = submitted.plus(DemoReports.hours(1 + random.nextDouble() * (random.nextInt(5) == 0 ? 40 : 6)));
        if (at.isAfter(now)) {
            return;
        }
        d.status = ReportStatus.REJECTED;
        d.rejectReason = pick(data.get("rejectReasons"));
        d.closed = at;
        d.onTime = !at.isAfter(d.acceptDue);
        d.steps.add(new Step("rejected", ReportStatus.REJECTED, OFFICER, d.rejectReason, at));
    }

    private void handle(Draft d, Instant submitted, ReportStatus target, Agency agency, JsonNode texts) {
        Instant accepted = submitted.plus(DemoReports.hours(0.5 + random.nextDouble()
                * (random.nextInt(7) == 0 ? 30 : 6)));
        if (accepted.isAfter(now)) {
            return;
        }
        int s = random.nextInt(20);
        d.severity = s < 2 ? Severity.URGENT : s < 5 ? Severity.COMPLEX : Severity.NORMAL;
        d.status = ReportStatus.ACCEPTED;
        d.accepted = accepted;
        d.handleDue = calendar.addWorkingHours(accepted, settings.handleWithin(d.severity), agency.id());
        d.steps.add(new Step("accepted", ReportStatus.ACCEPTED, OFFICER, null, accepted));
        Instant started = accepted.plus(DemoReports.hours(0.5 + random.nextDouble() * 4));
        if (target == ReportStatus.ACCEPTED || started.isAfter(now)) {
            return;
        }
        d.status = ReportStatus.IN_PROGRESS;
        d.steps.add(new Step("started", ReportStatus.IN_PROGRESS, OFFICER, null, started));
        boolean late = random.nextInt(4) == 0;
        long window = Math.max(Duration.between(started, d.handleDue).toMinutes(), 60);
        Instant resolved = late ? d.handleDue.plus(DemoReports.hours(2 + random.nextDouble() * 60))
                : started.plus(Duration.ofMinutes(30 + (long) (random.nextDouble() * 0.9 * window)));
        if (!late && resolved.isAfter(d.handleDue)) {
            resolved = d.handleDue;
        }
        if (target == ReportStatus.IN_PROGRESS || resolved.isAfter(now)) {
            return;
        }
        d.status = ReportStatus.RESOLVED;
        d.resolved = resolved;
        d.onTime = !resolved.isAfter(d.handleDue);
        d.answer = pick(texts.get("answers"));
        d.steps.add(new Step("resolved", ReportStatus.RESOLVED, OFFICER, d.answer, resolved));
        finish(d, target, agency);
    }

    private void finish(Draft d, ReportStatus target, Agency agency) {
        Instant windowEnd = d.resolved.plus(Duration.ofDays(settings.reopenDays()));
        if (target == ReportStatus.REOPENED) {
            Instant reopened = d.resolved.plus(DemoReports.hours(24 + random.nextDouble() * 96));
            if (reopened.isAfter(now)) {
                return;
            }
            String reason = pick(data.get("reopenReasons"));
            d.status = ReportStatus.REOPENED;
            d.reopenCount = 1;
            d.acceptDue = calendar.addWorkingHours(reopened, settings.acceptWithin(), agency.id());
            d.accepted = null;
            d.handleDue = null;
            d.resolved = null;
            d.onTime = null;
            d.steps.add(new Step("reopened", ReportStatus.REOPENED, null, reason, reopened));
            return;
        }
        boolean rates = target == ReportStatus.CLOSED && random.nextInt(5) != 0;
        if (rates) {
            Instant rated = d.resolved.plus(DemoReports.hours(2 + random.nextDouble() * 70));
            if (rated.isAfter(now)) {
                return;
            }
            int[] scale = d.onTime ? new int[] {5, 5, 5, 4, 4, 4, 3} : new int[] {4, 3, 3, 2, 2, 1};
            d.rating = scale[random.nextInt(scale.length)];
            d.ratingComment = d.rating >= 4 ? "Cảm ơn cơ quan đã xử lý." : d.rating == 3 ? null
                    : "Xử lý chậm, đề nghị làm triệt để hơn.";
            d.rated = rated;
            d.closed = rated;
            d.status = ReportStatus.CLOSED;
            d.steps.add(new Step("rated", ReportStatus.CLOSED, null, d.rating + "/5"
                    + (d.ratingComment == null ? "" : ": " + d.ratingComment), rated));
        } else if (windowEnd.isBefore(now)) {
            d.closed = windowEnd;
            d.status = ReportStatus.CLOSED;
            d.steps.add(new Step("closed", ReportStatus.CLOSED, null, null, windowEnd));
        }
    }

    private String pick(JsonNode list) {
        return list.get(random.nextInt(list.size())).asString();
    }
}
