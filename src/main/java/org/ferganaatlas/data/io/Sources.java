package org.ferganaatlas.data.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** What every importer needs: counted input, a first look at the bytes, and the coordinate check. */
final class Sources {
    private Sources() {}

    /** Opens the file, counting the bytes read for the progress bar. */
    static InputStream open(Path file, LongConsumer progress) throws ImportException {
        try {
            return new Counting(Files.newInputStream(file), progress);
        } catch (IOException | SecurityException e) {
            throw new ImportException(ImportException.Problem.UNREADABLE, file, 0, e, String.valueOf(e.getMessage()));
        }
    }

    /** The first bytes of the file (up to {@code n}). */
    static byte[] head(Path file, int n) throws ImportException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException | SecurityException e) {
            throw new ImportException(ImportException.Problem.UNREADABLE, file, 0, e, String.valueOf(e.getMessage()));
        }
    }

    /** Refuses an empty file and one that is not text (a NUL byte in its first 8 KB: a picture, a program, a zip). */
    static void requireText(Path file, String format) throws ImportException {
        byte[] head = head(file, 8192);
        boolean blank = true;
        for (byte b : head) {
            if (b == 0) {
                throw new ImportException(ImportException.Problem.NOT_THIS_FORMAT, file, 0, null, format);
            }
            if (!Character.isWhitespace(b & 0xff) && (b & 0xff) != 0xEF && (b & 0xff) != 0xBB && (b & 0xff) != 0xBF) {
                blank = false;
            }
        }
        if (blank) {
            throw new ImportException(ImportException.Problem.EMPTY, file, 0, null);
        }
    }

    /**
     * The first coordinate outside WGS84 degrees (latitude −90..90, longitude −180..180, finite), as {lat, lon}, or null
     * when all are inside. JTS coordinates are x = longitude, y = latitude.
     */
    static double[] badCoordinate(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            double lon = c.getX(), lat = c.getY();
            if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
                return new double[] {lat, lon};
            }
        }
        return null;
    }

    /** Counts bytes read and tells the progress listener every 256 KB. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private long read, told;

        Counting(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read - told >= 256 * 1024) {
                told = read;
                progress.accept(read);
            }
        }

        @Override
        public void close() throws IOException {
            progress.accept(read);
            super.close();
        }
    }
}
