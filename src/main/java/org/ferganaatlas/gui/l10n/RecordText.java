package org.ferganaatlas.gui.l10n;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.ferganaatlas.model.AtlasEvent;
import org.ferganaatlas.model.Provision;
import org.ferganaatlas.model.Source;
import org.ferganaatlas.model.Treaty;
import org.ferganaatlas.model.TreatyStep;

/** Words for treaties, their steps and events (dates, parties, casualty ranges) and the plain-text copy of a treaty. */
public final class RecordText {
    private RecordText() {}

    /**
     * The line saying which language a text is in and, for a translation, who or what made it and whether anyone
     * reviewed it ("Text in Russian, translated from English: machine translation by an AI assistant (Claude), December
     * 2026, not reviewed."); for the English original, that it is the original, or that it is not yet translated into
     * the reader's language.
     */
    public static String languageLine(org.ferganaatlas.logic.LanguageFallback.Text t, Locale reader) {
        if (t.translated()) {
            org.ferganaatlas.model.Translation x = t.translation();
            String by = Messages.format(x.machine() ? "record.translation.machine" : "record.translation.human",
                    x.translator(), FeatureText.date(x.translatedOn(), reader));
            if (x.reviewedBy() != null && !x.reviewedBy().isBlank()) {
                by = Messages.format("record.translation.reviewed", by, x.reviewedBy());
            }
            return Messages.format("record.language.translated", t.lang(), by);
        }
        String lang = reader.getLanguage();
        return "en".equals(lang) || lang.isEmpty() ? Messages.get("record.language.original")
                : Messages.format("record.language.untranslated", lang);
    }

    public static String parties(List<String> iso3) {
        StringJoiner j = new StringJoiner(", ");
        iso3.forEach(c -> j.add(FeatureText.country(c)));
        return j.toString();
    }

    public static String treatyKind(String kind) {
        return Messages.getOr("treaty.kind." + kind, kind == null ? "" : kind);
    }

    public static String step(String step) {
        return Messages.getOr("treaty.step." + step, step == null ? "" : step.replace('_', ' '));
    }

    public static String eventKind(String kind) {
        return Messages.getOr("event.kind." + kind, kind == null ? "" : kind.replace('_', ' '));
    }

    /** "13 March 2025", "May 2025", "28 April 2021 – 1 May 2021"; never throws on odd dates. */
    public static String dates(String start, String end, Locale locale) {
        String a = FeatureText.date(start, locale);
        if (end == null || end.isBlank() || end.equals(start)) {
            return a;
        }
        return Messages.format("details.period.range", a, FeatureText.date(end, locale));
    }

    /**
     * "55–58 killed (sources differ)", "3 killed", or null when no figure is given. The pattern gets the figure as
     * text ({0}) and the number its words agree with ({1}: the upper end of a range, as CLDR's plural ranges
     * give for Russian: "55–58 погибших", "1 погибший", "3 погибших").
     */
    public static String figure(Integer min, Integer max, String key, Locale locale) {
        if (min == null && max == null) {
            return null;
        }
        com.ibm.icu.text.NumberFormat nf = com.ibm.icu.text.NumberFormat.getIntegerInstance(Messages.formatLocale(locale));
        int lo = min != null ? min : max, hi = max != null ? max : min;
        if (lo == hi) {
            return Messages.format(key, nf.format(lo), hi);
        }
        return Messages.format(key, nf.format(lo) + "\u2013" + nf.format(hi), hi) + " " + Messages.get("timeline.sourcesDiffer");
    }

    /** The casualty lines of an event (deaths, injured, displaced), empty if the event has none. */
    public static List<String> figures(AtlasEvent e, Locale locale) {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {
                figure(e.deathsMin(), e.deathsMax(), "timeline.killed", locale),
                figure(e.injuredMin(), e.injuredMax(), "timeline.injured", locale),
                figure(e.displacedMin(), e.displacedMax(), "timeline.displaced", locale)}) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Entry into force in words: the date, or that our sources do not give it. */
    public static String inForce(Treaty t, Locale locale) {
        return t.inForceDate() == null || t.inForceDate().isBlank() ? Messages.get("treaty.inForce.notFound")
                : FeatureText.date(t.inForceDate(), locale);
    }

    /** Numbers sources in order of first citation. */
    public static final class SourceNumbers {
        /** Source id to its number, in order of first use. */
        public final Map<String, Integer> numbers = new LinkedHashMap<>();

        public int ref(String id) {
            return numbers.computeIfAbsent(id, k -> numbers.size() + 1);
        }

        public String refs(List<String> ids) {
            StringJoiner j = new StringJoiner(" ");
            ids.forEach(id -> j.add("[" + ref(id) + "]"));
            return j.toString();
        }

        /** "Confidence: high · Sources [1] [2]". */
        public String meta(String confidence, List<String> ids) {
            String c = Messages.format("details.confidence", FeatureText.confidence(confidence));
            return ids.isEmpty() ? c : c + " \u00b7 " + Messages.get("details.sourcesShort") + " " + refs(ids);
        }
    }

    /** The treaty as plain text, for the clipboard: everything the panel shows, with the numbered sources and their addresses. */
    public static String plainText(Treaty t, List<TreatyStep> steps, List<Provision> provisions, SourceNumbers numbers,
                            java.util.function.Function<List<String>, List<Source>> sources, Locale locale) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.title()).append('\n');
        sb.append(treatyKind(t.kind())).append("\n\n");
        sb.append(Messages.get("treaty.parties")).append(": ").append(parties(t.parties())).append('\n');
        String signed = FeatureText.date(t.signedDate(), locale);
        if (!signed.isEmpty()) {
            sb.append(Messages.get("treaty.signed")).append(": ").append(signed);
            if (t.place() != null && !t.place().isBlank()) {
                sb.append(", ").append(t.place());
            }
            sb.append('\n');
        }
        sb.append(Messages.get("treaty.inForce")).append(": ").append(inForce(t, locale)).append('\n');
        sb.append(numbers.meta(t.confidence(), t.sourceIds())).append('\n');
        if (t.summary() != null && !t.summary().isBlank()) {
            sb.append('\n').append(Messages.get("treaty.summary")).append('\n').append(t.summary()).append('\n');
        }
        if (!steps.isEmpty()) {
            sb.append('\n').append(Messages.get("treaty.steps")).append('\n');
            for (TreatyStep s : steps) {
                sb.append("- ").append(stepLine(s, locale)).append('\n');
                if (s.note() != null && !s.note().isBlank()) {
                    sb.append("  ").append(s.note()).append('\n');
                }
                sb.append("  ").append(numbers.meta(s.confidence(), s.sourceIds())).append('\n');
            }
        }
        if (!provisions.isEmpty()) {
            sb.append('\n').append(Messages.get("treaty.provisions")).append('\n');
            for (Provision p : provisions) {
                sb.append(p.ordinal()).append(". ").append(p.title()).append('\n');
                sb.append(p.summary()).append('\n');
                sb.append(numbers.meta(p.confidence(), p.sourceIds())).append("\n\n");
            }
        }
        sb.append('\n').append(Messages.get("details.sources")).append('\n');
        for (Source s : sources.apply(new ArrayList<>(numbers.numbers.keySet()))) {
            sb.append('[').append(numbers.numbers.get(s.id())).append("] ").append(s.title());
            if (s.publisher() != null && !s.publisher().isBlank()) {
                sb.append(". ").append(s.publisher());
            }
            if (s.published() != null && !s.published().isBlank()) {
                sb.append(", ").append(FeatureText.date(s.published(), locale));
            }
            if (s.url() != null && !s.url().isBlank()) {
                sb.append(". ").append(s.url());
            }
            sb.append('\n');
        }
        sb.append('\n').append(Messages.get("treaty.copy.footer")).append('\n');
        return sb.toString();
    }

    /** "19 March 2025 · Kyrgyzstan · Jogorku Kenesh: Approved by parliament". */
    public static String stepLine(TreatyStep s, Locale locale) {
        StringJoiner j = new StringJoiner(" \u00b7 ");
        String d = FeatureText.date(s.date(), locale);
        j.add(d.isEmpty() ? Messages.get("treaty.step.undated") : d);
        if (s.country() != null && !s.country().isBlank()) {
            j.add(FeatureText.country(s.country()));
        }
        String what = step(s.step());
        if (s.body() != null && !s.body().isBlank()) {
            what = what + " (" + s.body() + ")";
        }
        j.add(what);
        return j.toString();
    }
}
