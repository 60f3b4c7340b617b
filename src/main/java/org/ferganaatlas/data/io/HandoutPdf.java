package org.ferganaatlas.data.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes a handout: an A4 landscape PDF with one page per view, each with its title, caption, the map picture, a
 * scale bar and north arrow over the map, the legend and the map's date beside it, and the attribution under it.
 * Toolkit-free: the window renders the pictures and words the texts; this only lays them out (Apache PDFBox, the
 * text in the embedded DejaVu Sans so Cyrillic and Uzbek letters print anywhere, and stays searchable).
 * The file is written beside the target and moved into place when complete.
 */
public final class HandoutPdf {
    /** Page size in PDF points (1/72 in): A4 landscape. */
    public static final float PAGE_W = PDRectangle.A4.getHeight(), PAGE_H = PDRectangle.A4.getWidth();
    private static final float MARGIN = 30, SIDEBAR = 190, GAP = 14, HEADER = 94, FOOTER = 56;
    /** The map's box on the page, in points: render the picture with this aspect ratio. */
    public static final float MAP_W = PAGE_W - 2 * MARGIN - SIDEBAR - GAP, MAP_H = PAGE_H - 2 * MARGIN - HEADER - FOOTER;

    private HandoutPdf() {}

    /** A legend row: its symbol as drawn on the map, and its name. */
    public record LegendItem(BufferedImage swatch, String label) {}

    /**
     * One page.
     *
     * @param title       above the map
     * @param caption     under the title (may be empty; at most four lines are printed)
     * @param mapDate     under the caption: the day the map shows
     * @param map         the map picture, any resolution, with the aspect of {@link #MAP_W} × {@link #MAP_H}
     * @param legendTitle the legend's heading
     * @param legend      the visible layers' symbols
     * @param scaleLabel  "10 km"
     * @param scaleShare  the bar's length as a share of the map's width (0..1)
     * @param north       the letter of the north arrow
     * @param geometryAge above the attribution: how old the lines are
     * @param attribution the data's sources and licences
     * @param footer      the last line (the atlas's name, the page)
     */
    public record Sheet(String title, String caption, String mapDate, BufferedImage map, String legendTitle,
                        List<LegendItem> legend, String scaleLabel, double scaleShare, String north, String geometryAge,
                        String attribution, String footer) {
        public Sheet {
            Objects.requireNonNull(map, "a page needs its map");
            legend = legend == null ? List.of() : List.copyOf(legend);
        }
    }

    /** Opens a TrueType font's bytes (each call a new stream; PDFBox reads it once per document). */
    public interface FontSource {
        InputStream open() throws IOException;
    }

    /**
     * Writes the pages to {@code file}.
     *
     * @param regular the text font, {@code bold} the titles' (both TrueType with every letter the texts use)
     * @throws IOException the file cannot be written (nothing is left at {@code file} then, an older file stays)
     */
    public static void write(Path file, String documentTitle, List<Sheet> sheets, FontSource regular, FontSource bold)
            throws IOException {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("A handout needs at least one page");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (PDDocument doc = new PDDocument()) {
                PDFont text, heading;
                try (InputStream r = regular.open(); InputStream b = bold.open()) {
                    text = PDType0Font.load(doc, r);
                    heading = PDType0Font.load(doc, b);
                }
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(clean(documentTitle));
                info.setCreator("Fergana Border Atlas");
                for (Sheet s : sheets) {
                    page(doc, s, text, heading);
                }
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    doc.save(out);
                }
            }
            Exporters.moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void page(PDDocument doc, Sheet s, PDFont text, PDFont heading) throws IOException {
        PDPage page = new PDPage(new PDRectangle(PAGE_W, PAGE_H));
        doc.addPage(page);
        PDImageXObject map = LosslessFactory.createFromImage(doc, s.map());
        List<PDImageXObject> swatches = new ArrayList<>();
        for (LegendItem item : s.legend()) {
            swatches.add(item.swatch() == null ? null : LosslessFactory.createFromImage(doc, item.swatch()));
        }
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            float top = PAGE_H - MARGIN;
            // title and caption
            float y = top - 18;
            for (String line : wrap(s.title(), heading, 18, PAGE_W - 2 * MARGIN, 1)) {
                text(cs, heading, 18, MARGIN, y, line, 0.12f);
                y -= 22;
            }
            y -= 2;
            // a tour stop's caption cites its sources at its end: four lines keep them
            for (String line : wrap(s.caption(), text, 9.5f, PAGE_W - 2 * MARGIN, 4)) {
                text(cs, text, 9.5f, MARGIN, y, line, 0.25f);
                y -= 12;
            }
            text(cs, text, 9, MARGIN, y - 2, clean(s.mapDate()), 0.25f);
            // the map, framed, with its scale bar and north arrow
            float mx = MARGIN, my = MARGIN + FOOTER, mw = MAP_W, mh = MAP_H;
            cs.drawImage(map, mx, my, mw, mh);
            cs.setStrokingColor(0.35f, 0.35f, 0.35f);
            cs.setLineWidth(0.8f);
            cs.addRect(mx, my, mw, mh);
            cs.stroke();
            scaleBar(cs, text, s, mx + 10, my + 10, mw);
            northArrow(cs, heading, s.north(), mx + mw - 24, my + mh - 16);
            // the legend and the notes beside the map
            float sx = mx + mw + GAP, sw = SIDEBAR;
            float ly = my + mh - 11;
            text(cs, heading, 11, sx, ly, clean(s.legendTitle()), 0.12f);
            ly -= 18;
            for (int i = 0; i < s.legend().size() && ly > my + 8; i++) {
                LegendItem item = s.legend().get(i);
                PDImageXObject sw0 = swatches.get(i);
                if (sw0 != null) {
                    // the symbol in a 32 pt slot, its own proportions kept
                    float w = 32, h = w * sw0.getHeight() / (float) Math.max(1, sw0.getWidth());
                    cs.drawImage(sw0, sx, ly + 3 - h / 2, w, h);
                }
                List<String> lines = wrap(item.label(), text, 8.5f, sw - 38, 3);
                for (String line : lines) {
                    text(cs, text, 8.5f, sx + 38, ly, line, 0.12f);
                    ly -= 10.5f;
                }
                ly -= 4;
            }
            // attribution and footer under the map
            float fy = my - 12;
            for (String line : wrap(s.geometryAge(), text, 7.5f, PAGE_W - 2 * MARGIN, 2)) {
                text(cs, text, 7.5f, MARGIN, fy, line, 0.2f);
                fy -= 9;
            }
            for (String line : wrap(s.attribution(), text, 7, PAGE_W - 2 * MARGIN, 3)) {
                text(cs, text, 7, MARGIN, fy, line, 0.3f);
                fy -= 8.5f;
            }
            text(cs, text, 7, MARGIN, MARGIN - 8, clean(s.footer()), 0.45f);
        }
    }

    private static void scaleBar(PDPageContentStream cs, PDFont font, Sheet s, float x, float y, float mapW) throws IOException {
        if (s.scaleLabel() == null || !(s.scaleShare() > 0 && s.scaleShare() < 1)) {
            return;
        }
        float len = (float) (s.scaleShare() * mapW);
        String label = clean(s.scaleLabel());
        float tw = font.getStringWidth(label) / 1000 * 8;
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.addRect(x - 4, y - 4, Math.max(len, tw) + 8, 22);
        cs.fill();
        cs.setNonStrokingColor(0.1f, 0.1f, 0.1f);
        cs.addRect(x, y, len, 3);
        cs.fill();
        cs.addRect(x, y, 0.8f, 7);
        cs.addRect(x + len - 0.8f, y, 0.8f, 7);
        cs.fill();
        text(cs, font, 8, x, y + 7, label, 0.1f);
    }

    private static void northArrow(PDPageContentStream cs, PDFont font, String north, float cx, float top) throws IOException {
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.addRect(cx - 11, top - 36, 22, 40);
        cs.fill();
        cs.setNonStrokingColor(0.1f, 0.1f, 0.1f);
        cs.moveTo(cx, top - 4);
        cs.lineTo(cx + 7, top - 22);
        cs.lineTo(cx, top - 18);
        cs.lineTo(cx - 7, top - 22);
        cs.closePath();
        cs.fill();
        String n = clean(north);
        float w = font.getStringWidth(n) / 1000 * 9;
        text(cs, font, 9, cx - w / 2, top - 33, n, 0.1f);
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s, float grey)
            throws IOException {
        if (s.isEmpty()) {
            return;
        }
        cs.setNonStrokingColor(grey, grey, grey);
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** Words into lines of at most {@code width} points; the last line allowed ends with … if text is left over. */
    static List<String> wrap(String text, PDFont font, float size, float width, int maxLines) throws IOException {
        List<String> lines = new ArrayList<>();
        String t = clean(text);
        if (t.isEmpty()) {
            return lines;
        }
        String[] words = t.split(" +");
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < words.length) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (width(font, size, candidate) <= width || line.isEmpty() && width(font, size, words[i]) > width) {
                line.setLength(0);
                line.append(candidate);
                i++;
                if (width(font, size, line.toString()) > width) {
                    lines.add(fit(line.toString(), font, size, width)); // one word too long for a line: cut it
                    line.setLength(0);
                }
            } else {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (lines.size() == maxLines) {
                break;
            }
        }
        if (!line.isEmpty() && lines.size() < maxLines) {
            lines.add(line.toString());
        }
        if (i < words.length && !lines.isEmpty()) {
            int last = lines.size() - 1;
            lines.set(last, fit(lines.get(last) + " …", font, size, width));
        }
        return lines;
    }

    private static String fit(String s, PDFont font, float size, float width) throws IOException {
        if (width(font, size, s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && width(font, size, t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip() + "…";
    }

    private static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** One line of printable text: line breaks and tabs become spaces, other control characters go. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (!Character.isISOControl(c)) {
                b.appendCodePoint(c);
            }
        });
        return b.toString().strip();
    }
}
