package dev.openesc.cli;

import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

/**
 * Which of the JDK's locale data an environment command reads first (docs/decisions.md 19). sqlite-jdbc builds a
 * date format for its connections, and on Java 17 the calendar behind it asks the CLDR data whether it supports the
 * default locale by turning all of its ~800 language tags into locales, about 20 ms of interpreted code before the
 * first query. The older COMPAT data answers the same question in a few milliseconds. So, on the Java versions that
 * have COMPAT without a warning (17 to 20), when the default locales are English ({@code en} or {@code en_US}: a
 * {@code C} or {@code en_US} system locale) and nobody chose the providers, COMPAT is asked first and CLDR stays
 * behind it for anything COMPAT lacks. For those locales everything esc prints reads the same from either: numbers
 * (digits, signs, separators), and the short time zone names of {@code env version} and the tag listings, except for
 * the zones in {@link #ZONES_NAMED_OTHERWISE}, where the choice is left alone. {@code LocaleDataTest} compares
 * both in separate JVMs.
 */
final class LocaleData {
    /** The property the JDK reads, once, when it first needs locale data. */
    static final String PROVIDERS = "java.locale.providers";
    /** COMPAT first, CLDR for what COMPAT does not have. */
    static final String COMPAT_FIRST = "COMPAT,CLDR";

    /**
     * The zones whose short English names (locale {@code en}) differ between the two on Java 17 (CLDR's "HAST" and
     * COMPAT's "HST" for Adak, "GMT" and "UTC" for Troll, ...); {@code LocaleDataTest} finds any other.
     */
    static final Set<String> ZONES_NAMED_OTHERWISE = Set.of("America/Adak", "America/Atka", "US/Aleutian",
            "Antarctica/Troll", "Pacific/Johnston", "Pacific/Kanton");

    /** The Java versions ({@code java.specification.version}) that have COMPAT and say nothing when it is chosen. */
    private static final Set<String> JAVA_WITH_QUIET_COMPAT = Set.of("17", "18", "19", "20");

    private LocaleData() {}

    /** Asks COMPAT first when that changes nothing esc prints; must run before anything reads locale data. */
    static void preferCompatWhereSame() {
        if (compatReadsTheSame(System.getProperty(PROVIDERS), System.getProperty("java.specification.version"),
                Locale.getDefault(), Locale.getDefault(Locale.Category.FORMAT),
                Locale.getDefault(Locale.Category.DISPLAY), TimeZone.getDefault().getID())) {
            System.setProperty(PROVIDERS, COMPAT_FIRST);
        }
    }

    /**
     * Whether COMPAT can go first: on Java 17 to 20, with no provider list chosen by the user (an empty one included),
     * English default locales and a time zone whose names read the same in both.
     */
    static boolean compatReadsTheSame(String providers, String javaVersion, Locale locale, Locale format,
            Locale display, String zone) {
        if (providers != null || !hasCompatWithoutWarning(javaVersion)) {
            return false;
        }
        return isPlainEnglish(locale) && isPlainEnglish(format) && isPlainEnglish(display)
                && !ZONES_NAMED_OTHERWISE.contains(zone);
    }

    private static boolean hasCompatWithoutWarning(String javaVersion) {
        // 21 warns that COMPAT will go, 23 dropped it; before 17 esc does not run.
        return JAVA_WITH_QUIET_COMPAT.contains(String.valueOf(javaVersion));
    }

    private static boolean isPlainEnglish(Locale locale) {
        return locale.getLanguage().equals("en") && (locale.getCountry().isEmpty() || locale.getCountry().equals("US"))
                && locale.getVariant().isEmpty() && locale.getScript().isEmpty() && !locale.hasExtensions();
    }
}
