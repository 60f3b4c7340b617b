package org.ferganaatlas.gui.app;

import org.ferganaatlas.data.user.Tour;
import org.ferganaatlas.data.user.TourStop;
import org.ferganaatlas.data.user.UserDatabase;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.model.Drawing;
import org.ferganaatlas.model.HandoutPage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * {@code --export FILE.png|FILE.pdf [--size WxH] [--scale 1|2] [--date YYYY-MM-DD] [--tour NAME]}: the atlas draws
 * the view offscreen, writes the file and ends, with no window. Values may follow their option as the next
 * argument or after {@code =}. Bad arguments end the run before anything starts, with one line on stderr.
 * Without {@code --tour} the page is the whole valley (or {@code --view=lat,lon,zoom}) on the date; with it, one
 * page per stop of the tour of that title: the built-in one, or one of the user's (its drawings included).
 */
final class ExportCommand {
    /** Exit codes: the arguments were wrong; the file could not be written. */
    static final int EXIT_ARGUMENTS = 5, EXIT_FAILED = 6;

    /** What was asked for. {@code date} and {@code tour} may be null. */
    record Options(Path file, HandoutExport.Size size, boolean twice, LocalDate date, String tour) {
        boolean pdf() {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf");
        }
    }

    /** Arguments that cannot be used; the message says which and how to write it. */
    static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message);
        }
    }

    private ExportCommand() {}

    /** Whether this run is an export. */
    static boolean requested(List<String> args) {
        return args.stream().anyMatch(a -> a.equals("--export") || a.startsWith("--export="));
    }

    static Options parse(List<String> args) throws BadArguments {
        String file = value(args, "--export"), size = value(args, "--size"), scale = value(args, "--scale");
        String date = value(args, "--date"), tour = value(args, "--tour");
        String f = file == null ? "" : file.strip();
        String lower = f.toLowerCase(Locale.ROOT);
        if (f.isEmpty() || f.startsWith("--") || !(lower.endsWith(".png") || lower.endsWith(".pdf")) || lower.length() <= 4) {
            throw new BadArguments(Messages.format("cli.export.usage", f));
        }
        HandoutExport.Size s = HandoutExport.Size.FULL_HD;
        if (size != null) {
            s = HandoutExport.Size.parse(size);
            if (s == null) {
                throw new BadArguments(Messages.format("cli.export.badSize", size));
            }
        }
        if (scale != null && !scale.strip().matches("[12](\\.0)?|[12]x")) {
            throw new BadArguments(Messages.format("cli.export.badSize", "--scale " + scale));
        }
        LocalDate d = null;
        if (date != null) {
            try {
                d = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw new BadArguments(Messages.format("cli.export.badDate", date));
            }
        }
        Path target = Path.of(f).toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir) || Files.isDirectory(target)) {
            throw new BadArguments(Messages.format("handout.notSaved", target.toString(), Messages.get("export.failed.folder")));
        }
        return new Options(target, s, scale != null && scale.strip().startsWith("2"), d,
                tour == null || tour.isBlank() ? null : tour.strip());
    }

    /**
     * The value of {@code --name VALUE} or {@code --name=VALUE}; null when the option is absent, "" when it has no
     * value.
     */
    static String value(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
            if (a.equals(name)) {
                return i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(i + 1) : "";
            }
        }
        return null;
    }

    /**
     * Runs the export in a built, unshown window (on the FX thread): waits for the user's database (tours, the
     * remembered language), makes the pages, writes the file. Completes with the files written.
     */
    static CompletableFuture<List<Path>> run(AtlasWindow window, Options o, List<String> args) {
        CompletableFuture<List<Path>> done = new CompletableFuture<>();
        awaitUserDatabase(window).thenAccept(db -> Platform.runLater(() -> {
            try {
                if (o.date() != null) {
                    window.state().mapDateProperty().set(o.date());
                }
                pages(window, o, db, args).thenAccept(pages -> Platform.runLater(() -> {
                    HandoutExport export = new HandoutExport(window.context());
                    // no --view and no tour: the whole valley, fitted to the picture's own map
                    export.fitValley(o.tour() == null && args.stream().noneMatch(a -> a.startsWith("--view=")));
                    CompletableFuture<List<Path>> work = o.pdf() ? export.pdf(pages, o.file())
                            : export.png(pages, o.size(), o.twice(), o.file());
                    work.whenComplete((files, e) -> {
                        if (e != null) {
                            done.completeExceptionally(e);
                        } else {
                            done.complete(files);
                        }
                    });
                })).exceptionally(e -> {
                    done.completeExceptionally(e);
                    return null;
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }));
        return done;
    }

    /** The view the options name ({@code --view=} is applied to the state by the usual start options), or the tour's stops. */
    private static CompletableFuture<List<HandoutPage>> pages(AtlasWindow window, Options o, UserDatabase db, List<String> args) {
        if (o.tour() == null) {
            return CompletableFuture.completedFuture(List.of(new HandoutPage("", "", viewNow(window, args), Drawing.EMPTY)));
        }
        // the built-in tour by its title in any of the five languages' spelling used now, or its English one; then the user's
        return org.ferganaatlas.gui.state.BuiltInTour.settlement().thenCompose(builtIn -> {
            if (o.tour().equalsIgnoreCase(HandoutExport.titleOf(builtIn).strip()) || o.tour().equalsIgnoreCase(builtIn.title().strip())) {
                return CompletableFuture.completedFuture(HandoutExport.pagesOf(builtIn));
            }
            if (db == null) {
                throw new HandoutExport.ExportException(Messages.format("cli.export.noTour", o.tour(),
                        "\u201c" + HandoutExport.titleOf(builtIn) + "\u201d"));
            }
            return db.tours().list().thenCompose(tours -> {
                Tour found = tours.stream().filter(t -> t.title().strip().equalsIgnoreCase(o.tour())).findFirst().orElse(null);
                if (found == null) {
                    List<String> names = new ArrayList<>();
                    names.add("\u201c" + HandoutExport.titleOf(builtIn) + "\u201d");
                    tours.forEach(t -> names.add("\u201c" + t.title() + "\u201d"));
                    throw new HandoutExport.ExportException(Messages.format("cli.export.noTour", o.tour(), String.join(", ", names)));
                }
                return db.tours().stops(found.id());
            }).thenApply(stops -> {
                List<HandoutPage> pages = new ArrayList<>();
                for (TourStop s : stops) {
                    pages.add(new HandoutPage(s.title(), s.text(), s.view(), s.drawing()));
                }
                return pages;
            });
        }).thenApply(pages -> {
            if (pages.isEmpty()) {
                throw new HandoutExport.ExportException(Messages.format("cli.export.noStops", o.tour()));
            }
            if (o.date() == null) {
                return pages;
            }
            // --date shows every stop on that day
            List<HandoutPage> dated = new ArrayList<>();
            for (HandoutPage p : pages) {
                var v = p.view();
                dated.add(new HandoutPage(p.title(), p.caption(), new org.ferganaatlas.model.ViewSnapshot(v.centerLat(),
                        v.centerLon(), v.zoom(), o.date(), v.layers(), v.highlight(), v.selectedKey(), v.recordKey()), p.drawing()));
            }
            return dated;
        });
    }

    /** The window's view (its date and layers), at {@code --view=lat,lon[,zoom]} if given (else refitted to the valley). */
    private static org.ferganaatlas.model.ViewSnapshot viewNow(AtlasWindow window, List<String> args) {
        var v = window.state().snapshot();
        for (String a : args) {
            if (a.startsWith("--view=")) {
                try {
                    String[] p = a.substring(7).split(",");
                    double zoom = p.length > 2 ? Double.parseDouble(p[2]) : v.zoom();
                    return new org.ferganaatlas.model.ViewSnapshot(Double.parseDouble(p[0]), Double.parseDouble(p[1]), zoom,
                            v.date(), v.layers(), v.highlight(), v.selectedKey(), v.recordKey());
                } catch (RuntimeException e) {
                    System.err.println("Ignoring option " + a + ": " + e.getMessage());
                }
            }
        }
        return v;
    }

    /** The user's database once open (null if it cannot be: the export then has the built-in layers only). */
    private static CompletableFuture<UserDatabase> awaitUserDatabase(AtlasWindow window) {
        CompletableFuture<UserDatabase> f = new CompletableFuture<>();
        var user = window.context().user();
        Runnable check = () -> {
            if (user.database().isPresent()) {
                f.complete(user.database().get());
            } else if (user.problemProperty().get() != null) {
                f.complete(null);
            }
        };
        user.databaseProperty().addListener(o -> check.run());
        user.problemProperty().addListener(o -> check.run());
        check.run();
        return f.completeOnTimeout(null, 15, TimeUnit.SECONDS);
    }
}
