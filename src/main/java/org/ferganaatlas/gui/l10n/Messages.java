package org.ferganaatlas.gui.l10n;

import java.text.MessageFormat;
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
 */
public final class Messages {
    private static final String BUNDLE = "org.ferganaatlas.gui.l10n.messages";
    private static volatile ResourceBundle bundle = load(Locale.ENGLISH);
    private static volatile Locale locale = Locale.ENGLISH;
    /** The language strings are fetched in; the window binds it to {@code AtlasState.languageProperty()}. */
    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(Messages.class, "locale", Locale.ENGLISH);

    static {
        LOCALE.addListener((o, a, l) -> {
            Locale next = l == null ? Locale.ENGLISH : l;
            bundle = load(next);
            locale = next;
        });
    }

    private Messages() {}

    private static ResourceBundle load(Locale locale) {
        // Explicit module-aware lookup: the bundle lives in this module's resources.
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getModule());
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

    /** {@link MessageFormat} of the string for {@code key} with {@code args}. */
    public static String format(String key, Object... args) {
        // the language asked for, not the bundle's (a missing translation falls back to English text, but the
        // numbers and dates in it still follow the reader's language)
        return new MessageFormat(get(key), locale).format(args);
    }
}
