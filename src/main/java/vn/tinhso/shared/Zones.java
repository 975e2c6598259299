package vn.tinhso.shared;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The platform's time zone and display formats: Vietnam keeps one zone, UTC+7, without DST. */
public final class Zones {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private Zones() {
    }
}
