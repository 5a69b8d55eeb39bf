package dev.openesc.cli.env;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the reference prints them: {@code 2024-07-29 12:30:00 +0000 UTC}, local time unless --utc. */
final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");

    private Times() {}

    static String format(Instant t, boolean utc) {
        if (t == null) {
            return "";
        }
        ZoneId zone = utc ? ZoneOffset.UTC : ZoneId.systemDefault();
        return FORMAT.format(t.atZone(zone)).replace(" Z", " UTC");
    }
}
