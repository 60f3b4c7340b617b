package org.ferganaatlas.gui.l10n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible string of the window, from {@code org/ferganaatlas/gui/l10n/messages*.properties}.
 *
 * <p>Code refers to keys only through {@link #get(String)} and {@link #format(String, Object...)} with a
 * string literal (or through the enum constants that name their key), so {@code MessageKeysTest} can find
 * every key the code uses and fail when the bundle lacks one. A missing key shows as {@code !key!} rather
 * than throwing, so a forgotten translation never breaks the window.
 *
 * <p>Five languages: English (the base bundle), Russian, Kyrgyz, Tajik (both Cyrillic) and Uzbek (Latin). Patterns
 * are ICU {@link MessageFormat}s, so a bundle can choose words by the CLDR plural rules of its language
 * ({@code {1,plural,one{…}few{…}many{…}other{…}}} in Russian) and numbers follow the reader's language.
 */
public final class Messages {
    private static final String BUNDLE = "org.ferganaatlas.gui.l10n.messages";
    /** The languages the interface is written in, in the order the language menu lists them. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("ky"), Locale.forLanguageTag("tg"), Locale.forLanguageTag("uz"));
    private static volatile ResourceBundle bundle = load(Locale.ENGLISH);
    private static volatile Locale locale = Locale.ENGLISH;
    /** The language strings are fetched in; the window binds it to {@code AtlasState.languageProperty()}. */
    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(Messages.class, "locale", Locale.ENGLISH);

    static {
        // An invalidation listener, registered first: JavaFX tells invalidation listeners (the bindings of labels,
        // which read at once) before change listeners, so the bundle must be switched by one of them, and first.
        LOCALE.addListener((javafx.beans.Observable o) -> {
            Locale next = supported(LOCALE.get());
            bundle = load(next);
            locale = next;
        });
    }

    private Messages() {}

    private static ResourceBundle load(Locale locale) {
        // Explicit module-aware lookup: the bundle lives in this module's resources. English is the base bundle:
        // asked for as ROOT, so that on a Russian system "English" does not fall back to the system's bundle.
        Locale asked = supported(locale).getLanguage().equals("en") ? Locale.ROOT : supported(locale);
        return ResourceBundle.getBundle(BUNDLE, asked, Messages.class.getModule());
    }

    /** The one of {@link #LANGUAGES} with the same language as {@code l} ({@code ru-RU} is Russian), else English. */
    public static Locale supported(Locale l) {
        if (l != null) {
            for (Locale s : LANGUAGES) {
                if (s.getLanguage().equals(l.getLanguage())) {
                    return s;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** Whether the interface is written in {@code l}'s language. */
    public static boolean isSupported(Locale l) {
        return l != null && LANGUAGES.stream().anyMatch(s -> s.getLanguage().equals(l.getLanguage()));
    }

    /**
     * The language to start in when the user has chosen none: the system's display language where it is one of
     * the five, else English.
     */
    public static Locale systemLanguage() {
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        return isSupported(display) ? supported(display) : supported(Locale.getDefault());
    }

    /** The ICU locale for formatting in {@code l}: English dates and numbers are written the British way (13 March 2025). */
    public static ULocale formatLocale(Locale l) {
        Locale s = supported(l);
        return s.getLanguage().equals("en") ? ULocale.UK : ULocale.forLocale(s);
    }

    /** Switches the language of strings fetched from now on (panels re-read on {@code AtlasState.languageProperty()}). */
    public static void setLocale(Locale l) {
        LOCALE.set(l);
    }

    /** The language in use, observable: texts bound with {@link #text} follow it. */
    public static ObjectProperty<Locale> localeProperty() {
        return LOCALE;
    }

    public static Locale locale() {
        return locale;
    }

    /**
     * Runs {@code redraw} whenever the language changes, for as long as {@code owner} exists: the locale is static (one
     * per application) and a plain listener on it would keep every window ever built alive (the tests build dozens).
     */
    public static void onLocaleChange(javafx.scene.Node owner, Runnable redraw) {
        javafx.beans.InvalidationListener strong = o -> redraw.run();
        @SuppressWarnings("unchecked")
        java.util.List<Object> kept = (java.util.List<Object>) owner.getProperties()
                .computeIfAbsent(Messages.class, k -> new java.util.ArrayList<>());
        kept.add(strong); // the node holds the listener; the locale holds it only weakly
        LOCALE.addListener(new javafx.beans.WeakInvalidationListener(strong));
    }

    /** The string for {@code key}, kept up to date when the language changes (for labels built once). */
    public static StringBinding text(String key) {
        return Bindings.createStringBinding(() -> get(key), LOCALE);
    }

    /** The bundle in use (tests). */
    public static ResourceBundle bundle() {
        return bundle;
    }

    /** Whether a key exists (for keys built from data, e.g. {@code kind.crossing}). */
    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The string for {@code key}. */
    public static String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The string for {@code key}, or {@code fallback} when the bundle has no such key (data-driven keys). */
    public static String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** ICU {@link MessageFormat} of the string for {@code key} with {@code args} (plural rules of the language). */
    public static String format(String key, Object... args) {
        // the language asked for, not the bundle's (a missing translation falls back to English text, but the
        // numbers and dates in it still follow the reader's language)
        return new MessageFormat(get(key), formatLocale(locale)).format(args);
    }
}
