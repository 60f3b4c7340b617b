package org.ferganaatlas.gui.layers;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import org.ferganaatlas.data.io.ImportException;
import org.ferganaatlas.data.io.ImportIssue;
import org.ferganaatlas.data.io.ImportReport;
import org.ferganaatlas.gui.common.Dialogs;
import org.ferganaatlas.gui.l10n.Messages;

/**
 * What an import says to the user, in plain words from the bundle: which file, which feature or line, what is wrong,
 * and what they can do. Never a stack trace.
 */
public final class ImportDialogs {
    /** How many bad features a dialog lists before "and N more". */
    static final int LISTED = 8;
    private final String stylesheet;

    public ImportDialogs(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** A running import: bytes read so far (any thread) and closing when done. */
    public interface Progress {
        void bytes(long read);

        void close();
    }

    /** A progress window with Cancel (shown for files over 2 MB; smaller ones are read before it would draw). */
    Progress progress(Path file, long size, Runnable cancel) {
        // shown in non-interactive runs too: it is not modal and waits for nobody
        if (size < 2L << 20) {
            return new Progress() {
                public void bytes(long read) { }

                public void close() { }
            };
        }
        ProgressBar bar = new ProgressBar(0);
        bar.setId("import-progress");
        bar.setPrefWidth(420);
        Label what = new Label(Messages.format("import.progress.text", file.getFileName().toString()));
        what.setWrapText(true);
        ButtonType stop = new ButtonType(Messages.get("import.progress.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.NONE, "", stop);
        a.setTitle(Messages.get("app.title"));
        a.setHeaderText(Messages.get("import.progress.header"));
        a.getDialogPane().setContent(new VBox(8, what, bar));
        a.getDialogPane().getStylesheets().add(stylesheet);
        a.resultProperty().addListener((o, x, r) -> {
            if (r == stop) {
                cancel.run();
            }
        });
        a.getDialogPane().lookupButton(stop).setId("import-cancel");
        a.show();
        return new Progress() {
            public void bytes(long read) {
                javafx.application.Platform.runLater(() -> bar.setProgress(Math.min(1, read / (double) size)));
            }

            public void close() {
                a.setResult(ButtonType.OK);
                a.close();
            }
        };
    }

    /** The file cannot be imported at all. */
    void refused(ImportException e) {
        String where = e.line() > 0 ? Messages.format("import.where.line", e.file().getFileName().toString(), e.line())
                : e.file().getFileName().toString();
        String what = Messages.format("import.error." + e.problem().key(), e.details().toArray());
        Dialogs.tell(Dialogs.alert(Alert.AlertType.WARNING, Messages.get("app.title"), Messages.get("import.refused.header"),
                where + "\n\n" + what + "\n\n" + Messages.get("import.nothingChanged"), stylesheet, ButtonType.OK));
    }

    /** Something unexpected: logged; the user is told that nothing changed. */
    void failed(Path file) {
        Dialogs.tell(Dialogs.alert(Alert.AlertType.WARNING, Messages.get("app.title"), Messages.get("import.refused.header"),
                Messages.format("import.failed", file.getFileName().toString()) + "\n\n" + Messages.get("import.nothingChanged"),
                stylesheet, ButtonType.OK));
    }

    /** Every feature was bad. */
    void nothingToImport(Path file, ImportReport report) {
        Dialogs.tell(Dialogs.alert(Alert.AlertType.WARNING, Messages.get("app.title"), Messages.get("import.refused.header"),
                Messages.format("import.none", file.getFileName().toString()) + "\n\n" + issues(report.issues(), report.issueCount()) + "\n\n"
                        + Messages.get("import.nothingChanged"), stylesheet, ButtonType.OK));
    }

    /** Some features are bad: import the others, or nothing? Nothing is the answer when nobody is there. */
    boolean skipBadFeatures(Path file, ImportReport report, int good) {
        ButtonType skip = new ButtonType(Messages.format("import.skip.yes", good), ButtonBar.ButtonData.OK_DONE);
        ButtonType none = new ButtonType(Messages.get("import.skip.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = Dialogs.alert(Alert.AlertType.CONFIRMATION, Messages.get("app.title"), Messages.get("import.skip.header"),
                Messages.format("import.skip.text", file.getFileName().toString(), report.issueCount(), good) + "\n\n"
                        + issues(report.issues(), report.issueCount()), stylesheet, skip, none);
        ButtonType whenAlone = Boolean.getBoolean("atlas.import.skipBad") ? skip : none;
        return Dialogs.ask(a, whenAlone).orElse(none) == skip;
    }

    /** The import is done: how many, and (quietly, on the terminal) the format and code page read. */
    void imported(Path file, int count, ImportReport report) {
        System.out.println("atlas-import: " + file.getFileName() + ": features=" + count + " (" + report.format() + ", "
                + report.charset() + ")");
    }

    /** "Feature 3 (line 7): latitude 171.5, longitude 40.2 is not on the earth" … and N more. */
    static String issues(List<ImportIssue> issues, int total) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED, issues.size()); i++) {
            ImportIssue x = issues.get(i);
            String where = x.line() > 0 ? Messages.format("import.issue.where.line", x.number(), x.line())
                    : Messages.format("import.issue.where", x.number());
            sb.append(i > 0 ? "\n" : "").append(where).append(": ")
                    .append(Messages.format("import.issue." + x.problem().key(), x.details().toArray()));
        }
        if (total > Math.min(LISTED, issues.size())) {
            sb.append('\n').append(Messages.format("import.more", total - Math.min(LISTED, issues.size())));
        }
        return sb.toString();
    }
}
