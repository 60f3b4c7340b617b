package org.ferganaatlas.build;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The pinned inputs named in the manifest: fetches each one with its ordinary tool (the npm client, GMT)
 * or takes a local file (the CI fixture), and verifies its checksum before anything reads it.
 */
final class Inputs {
    /** One manifest entry. */
    record Input(String id, String sourceId, String title, String pkg, String version, Map<String, Object> fetch,
                 String algorithm, String checksum, String licence, String attribution, String url, String taken) {}

    final Path manifestFile;
    final List<Input> inputs = new ArrayList<>();
    final Map<String, Object> manifest;
    final Region region;
    final String geometryAsOf;
    /** How the geometry date was established (manifest "geometry_date_basis"), or null. */
    final String geometryDateBasis;

    @SuppressWarnings("unchecked")
    Inputs(Path manifestFile) throws IOException {
        this.manifestFile = manifestFile.toAbsolutePath();
        manifest = (Map<String, Object>) Json.read(manifestFile);
        Object r = manifest.get("region");
        if (r != null) {
            List<Object> l = (List<Object>) r;
            region = new Region(num(l.get(0)), num(l.get(1)), num(l.get(2)), num(l.get(3)));
        } else {
            region = Region.ATLAS;
        }
        geometryAsOf = (String) manifest.getOrDefault("geometry_as_of", "");
        geometryDateBasis = (String) manifest.get("geometry_date_basis");
        for (Object o : (List<Object>) manifest.get("inputs")) {
            Map<String, Object> m = (Map<String, Object>) o;
            Map<String, Object> ck = (Map<String, Object>) m.get("checksum");
            inputs.add(new Input(str(m, "id"), str(m, "source_id"), str(m, "title"), str(m, "package"), str(m, "version"),
                    (Map<String, Object>) m.get("fetch"), (String) ck.get("algorithm"), (String) ck.get("value"),
                    str(m, "licence"), str(m, "attribution"), str(m, "url"), str(m, "taken")));
        }
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : v.toString();
    }

    Input get(String id) {
        for (Input i : inputs) {
            if (i.id().equals(id)) return i;
        }
        throw new IllegalArgumentException("manifest " + manifestFile + " has no input '" + id + "'");
    }

    /** Fetches (or finds in the work directory), verifies and returns the file the build reads for input {@code id}. */
    Path fetch(String id, Path work) throws IOException, InterruptedException {
        work = work.toAbsolutePath().normalize();
        Input in = get(id);
        String method = (String) in.fetch().get("method");
        Files.createDirectories(work);
        switch (method) {
            case "local": {
                Path p = manifestFile.getParent().resolve((String) in.fetch().get("path")).normalize();
                verify(in, p);
                return p;
            }
            case "npm-pack": return npmPack(in, work);
            case "gmt-coast": return gmtCoast(in, work);
            default: throw new IOException("manifest input " + id + ": unknown fetch method '" + method + "'");
        }
    }

    private Path npmPack(Input in, Path work) throws IOException, InterruptedException {
        String spec = in.pkg() + "@" + in.version();
        Path dir = work.resolve(in.id());
        Files.createDirectories(dir);
        Path tgz = null;
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (p.toString().endsWith(".tgz") && checksum(in.algorithm(), p).equals(in.checksum())) {
                    tgz = p;
                }
            }
        }
        if (tgz == null) {
            System.out.println("  npm pack " + spec);
            String out = run(dir, List.of("npm", "pack", spec, "--pack-destination", dir.toString()), null,
                    "the npm client is needed to fetch " + spec + " (install Node.js / npm)");
            String[] lines = out.trim().split("\n");
            tgz = dir.resolve(lines[lines.length - 1].trim());
            if (!Files.isRegularFile(tgz)) {
                throw new IOException("npm pack " + spec + " did not produce " + tgz);
            }
            verify(in, tgz);
        }
        String member = (String) in.fetch().get("file");
        Path target = dir.resolve(member.substring(member.lastIndexOf('/') + 1));
        Path stamp = dir.resolve(target.getFileName() + ".from");
        String stampText = tgz.getFileName() + " " + in.checksum();
        if (Files.isRegularFile(target) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(stampText)) {
            return target;
        }
        untar(tgz, member, target);
        Files.writeString(stamp, stampText);
        return target;
    }

    /** Extracts one member of a .tgz with a minimal ustar reader. */
    static void untar(Path tgz, String member, Path target) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16), 1 << 16)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = cstring(header, 0, 100);
                if (name.isEmpty()) break;
                String prefix = cstring(header, 345, 155);
                if (!prefix.isEmpty()) name = prefix + "/" + name;
                long size = Long.parseLong(cstring(header, 124, 12).trim().isEmpty() ? "0" : cstring(header, 124, 12).trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (name.equals(member)) {
                    Path tmp = target.resolveSibling(target.getFileName() + ".part");
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        copy(in, out, size);
                    }
                    in.skipNBytes(padded - size);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return;
                }
                in.skipNBytes(padded);
            }
        }
        throw new IOException(tgz + " has no member " + member);
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[1 << 16];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) throw new IOException("truncated tar");
            out.write(buf, 0, r);
            n -= r;
        }
    }

    private static String cstring(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private Path gmtCoast(Input in, Path work) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("gmt");
        cmd.add("coast");
        cmd.add("-R" + region.gmt());
        for (Object a : (List<Object>) in.fetch().get("args")) cmd.add(a.toString());
        cmd.add("--GMT_HISTORY=false");   // no gmt.history file; does not change the output
        Path out = work.resolve(in.id() + ".gmt.txt");
        String text = run(work, cmd, null, "GMT is needed for the rivers and lakes: apt-get install gmt gmt-gshhg-high");
        Files.writeString(out, text);
        verify(in, out);
        return out;
    }

    private static String run(Path dir, List<String> cmd, String stdin, String hint) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + cmd.get(0) + "': " + hint, e);
        }
        p.getOutputStream().close();
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        p.getInputStream().transferTo(bo);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "); " + hint);
        }
        return bo.toString(StandardCharsets.UTF_8);
    }

    private static void verify(Input in, Path file) throws IOException {
        String got = checksum(in.algorithm(), file);
        if (!got.equals(in.checksum())) {
            throw new IOException("checksum mismatch for input '" + in.id() + "' (" + file + "):\n  manifest: "
                    + in.checksum() + "\n  actual:   " + got + "\nThe input changed; check it and update assets/sources/manifest.json deliberately.");
        }
    }

    static String checksum(String algorithm, Path file) throws IOException {
        switch (algorithm) {
            case "sha512-integrity":
                return "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", file));
            case "sha256":
                return HexFormat.of().formatHex(digest("SHA-256", file));
            default:
                throw new IOException("unknown checksum algorithm " + algorithm);
        }
    }

    static byte[] digest(String alg, Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance(alg);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = in.read(buf)) > 0) md.update(buf, 0, r);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inputs as recorded in metadata.inputs. */
    List<Object> describe() {
        List<Object> out = new ArrayList<>();
        for (Input i : inputs) {
            Map<String, Object> m = new TreeMap<>();
            m.put("id", i.id());
            m.put("source_id", i.sourceId());
            m.put("package", i.pkg());
            m.put("version", i.version());
            m.put("fetch", i.fetch());
            m.put("checksum", Map.of("algorithm", i.algorithm(), "value", i.checksum()));
            m.put("licence", i.licence());
            m.put("taken", i.taken());
            out.add(m);
        }
        return out;
    }
}
