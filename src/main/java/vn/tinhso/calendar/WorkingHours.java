package vn.tinhso.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.tinhso.shared.ErrorCode;
import vn.tinhso.shared.TinhSoException;

/**
 * The working hours of one working day: one or more intervals in order, each from its start
 * (included) to its end (excluded), e.g. {@code 07:00-11:30,13:30-17:00}.
 */
public record WorkingHours(List<Interval> intervals) {

    static final int MAX_INTERVALS = 6;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One stretch of work within a day. */
    public record Interval(LocalTime start, LocalTime end) {

        public Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return TIME.format(start) + "-" + TIME.format(end);
        }
    }

    public WorkingHours {
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty() || intervals.size() > MAX_INTERVALS) {
            throw invalid(intervals.toString());
        }
        LocalTime previousEnd = LocalTime.MIN;
        for (int i = 0; i < intervals.size(); i++) {
            Interval interval = intervals.get(i);
            boolean overlaps = i > 0 && interval.start().isBefore(previousEnd);
            if (!interval.start().isBefore(interval.end()) || overlaps) {
                throw invalid(intervals.stream().map(Interval::toString).collect(Collectors.joining(",")));
            }
            previousEnd = interval.end();
        }
    }

    /** Reads {@code HH:mm-HH:mm[,HH:mm-HH:mm...]}; rejects overlapping, unordered or empty intervals. */
    public static WorkingHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("");
        }
        List<Interval> intervals = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw invalid(text);
            }
            try {
                intervals.add(new Interval(LocalTime.parse(ends[0].strip(), TIME), LocalTime.parse(ends[1].strip(), TIME)));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        return new WorkingHours(intervals);
    }

    /** The working time of one working day. */
    public Duration perDay() {
        return intervals.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** The same text {@link #parse} reads, e.g. {@code 07:00-11:30,13:30-17:00}. */
    @Override
    public String toString() {
        return intervals.stream().map(Interval::toString).collect(Collectors.joining(","));
    }

    private static TinhSoException invalid(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return new TinhSoException(ErrorCode.VALIDATION_FAILED, "hours",
                new DefaultMessageSourceResolvable(new String[] {"calendar.hours.invalid"}, new Object[] {shown},
                        "working hours \"" + shown + "\""));
    }
}
