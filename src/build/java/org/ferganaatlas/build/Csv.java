package org.ferganaatlas.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small RFC 4180 reader: header row, quoted fields with doubled quotes and embedded newlines. */
final class Csv {
    /** One data row: the file, the line it starts on, and its fields by header name. */
    record Row(String file, int line, Map<String, String> fields) {
        String get(String col) {
            String v = fields.get(col);
            return v == null ? "" : v.trim();
        }

        String where() {
            return file + ":" + line;
        }
    }

    static List<Row> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String name = file.getFileName().toString();
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == '"') {
                throw new IOException(name + ":" + line + ": stray '\"' inside an unquoted field; quote the whole field and double the quote");
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r') {
                // CRLF: the \n ends the record
            } else if (c == '\n') {
                rec.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                records.add(rec);
                lines.add(recLine);
                rec = new ArrayList<>();
                line++;
                recLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IOException(name + ":" + recLine + ": quoted field never closed");
        }
        if (fieldStarted || !rec.isEmpty()) {
            rec.add(field.toString());
            records.add(rec);
            lines.add(recLine);
        }
        List<Row> out = new ArrayList<>();
        if (records.isEmpty()) return out;
        List<String> header = records.get(0);
        for (int r = 1; r < records.size(); r++) {
            List<String> f = records.get(r);
            if (f.size() == 1 && f.get(0).isBlank()) continue;
            if (f.size() != header.size()) {
                throw new IOException(name + ":" + lines.get(r) + ": " + f.size() + " fields but the header has "
                        + header.size() + " (" + String.join(",", header) + "); quote fields that contain commas");
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int k = 0; k < header.size(); k++) m.put(header.get(k).trim(), f.get(k));
            out.add(new Row(name, lines.get(r), m));
        }
        return out;
    }

    static List<String> header(Path file) throws IOException {
        String first = Files.readString(file, StandardCharsets.UTF_8).split("\r?\n", 2)[0];
        if (first.startsWith("\uFEFF")) first = first.substring(1);
        List<String> h = new ArrayList<>();
        for (String s : first.split(",", -1)) h.add(s.trim());
        return h;
    }
}
