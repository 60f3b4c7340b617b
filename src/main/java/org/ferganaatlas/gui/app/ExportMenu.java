package org.ferganaatlas.gui.app;

import org.ferganaatlas.gui.common.Dialogs;
import org.ferganaatlas.gui.l10n.Messages;
import org.ferganaatlas.gui.state.AtlasContext;
import org.ferganaatlas.model.HandoutPage;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The tool bar's "Export / Print" menu: a picture (PNG, with a size and 2× for print), a handout (PDF), the printer.
 * The maps are drawn offscreen and the files written in the background; while that runs the menu is disabled, and a
 * notice says where the file went or what went wrong. What is exported is {@link #pages}: the current view, or,
 * while a tour is being played, every stop of that tour (its titles, captions, views and drawings).
 */
final class ExportMenu {
    private final AtlasContext ctx;
    private final HandoutExport export;
    private final Supplier<Window> owner;
    private final Supplier<List<String>> lookClasses;
    private Supplier<List<HandoutPage>> pages;
    private MenuButton menu;
    /** The last size chosen (for this run). */
    private HandoutExport.Size size = HandoutExport.Size.FULL_HD;
    private boolean twice;
    /** The last export's outcome (tests). */
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    ExportMenu(AtlasContext ctx, Supplier<Window> owner, Supplier<List<String>> lookClasses) {
        this.ctx = ctx;
        this.export = new HandoutExport(ctx);
        this.owner = owner;
        this.lookClasses = lookClasses;
        // the tour being played, stop by stop; else the view on screen
        this.pages = () -> ctx.state().tours().active() && ctx.state().tours().tourProperty().get() != null
                ? HandoutExport.pagesOf(ctx.state().tours().tourProperty().get())
                : List.of(HandoutExport.currentView(ctx));
    }

    /** What the menu exports: the current view by default; a tour player may supply its stops instead. */
    void pages(Supplier<List<HandoutPage>> pages) {
        this.pages = pages;
    }

    /** The menu button for the tool bar (one node, so the bar can place it where it likes). */
    Node node() {
        if (menu != null) {
            return menu;
        }
        menu = new MenuButton();
        menu.setId("export-menu");
        menu.textProperty().bind(Messages.text("export.menu"));
        // a screen reader asks a MenuButton for TEXT, which its skin does not answer with the text it shows
        menu.accessibleTextProperty().bind(Messages.text("export.menu"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Messages.text("export.menu.tip"));
        menu.setTooltip(tip);
        menu.getItems().addAll(item("export-png", "export.png", this::askPng),
                item("export-pdf", "export.pdf", this::askPdf),
                item("export-print", "export.print", this::print));
        return menu;
    }

    private static MenuItem item(String id, String key, Runnable action) {
        MenuItem i = new MenuItem();
        i.setId(id);
        i.textProperty().bind(Messages.text(key));
        i.setOnAction(e -> action.run());
        return i;
    }

    /** The last export's future (tests wait on it). */
    CompletableFuture<?> last() {
        return last;
    }

    private void askPng() {
        Optional<HandoutExport.Size> chosen = askSize();
        if (chosen.isEmpty()) {
            return;
        }
        File f = chooseFile("export.png", "export.filter.png", "*.png", "atlas.png");
        if (f != null) {
            savePng(f.toPath(), chosen.get(), twice);
        }
    }

    private void askPdf() {
        File f = chooseFile("export.pdf", "export.filter.pdf", "*.pdf", "atlas.pdf");
        if (f != null) {
            savePdf(f.toPath());
        }
    }

    /** Writes the pages as PNG; a notice says where (also the way tests and scripts drive it). */
    CompletableFuture<List<Path>> savePng(Path file, HandoutExport.Size s, boolean twoTimes) {
        return run(export.png(pages.get(), s, twoTimes, withEnding(file, ".png")));
    }

    CompletableFuture<List<Path>> savePdf(Path file) {
        return run(export.pdf(pages.get(), withEnding(file, ".pdf")));
    }

    private void print() {
        busy(true);
        CompletableFuture<Boolean> f = export.print(pages.get(), owner.get());
        last = f;
        f.whenComplete((ok, e) -> Platform.runLater(() -> {
            busy(false);
            if (e != null) {
                tell(Alert.AlertType.WARNING, "print.failed.header", HandoutExport.asExport(e, null).getMessage());
            } else if (Boolean.TRUE.equals(ok)) {
                tell(Alert.AlertType.INFORMATION, "export.done.header", Messages.get("export.printed"));
            }
        }));
    }

    private CompletableFuture<List<Path>> run(CompletableFuture<List<Path>> work) {
        busy(true);
        last = work;
        work.whenComplete((files, e) -> Platform.runLater(() -> {
            busy(false);
            if (e != null) {
                tell(Alert.AlertType.WARNING, "export.failed.header", HandoutExport.asExport(e, null).getMessage());
            } else {
                tell(Alert.AlertType.INFORMATION, "export.done.header", files.size() == 1
                        ? Messages.format("handout.saved", files.get(0).toString())
                        : Messages.format("export.done.many", files.size(), files.get(0).getParent().toString()));
            }
        }));
        return work;
    }

    private void busy(boolean on) {
        if (menu != null) {
            menu.setDisable(on);
        }
    }

    private void tell(Alert.AlertType type, String headerKey, String text) {
        Alert a = Dialogs.alert(type, Messages.get("app.title"), Messages.get(headerKey), text, AtlasWindow.STYLESHEET, ButtonType.OK);
        a.getDialogPane().getStyleClass().addAll(lookClasses.get());
        if (owner.get() != null) {
            a.initOwner(owner.get());
        }
        a.initModality(javafx.stage.Modality.NONE);
        Dialogs.tell(a);
    }

    private static Path withEnding(Path file, String ending) {
        String n = file.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(ending) ? file : file.resolveSibling(n + ending);
    }

    private File chooseFile(String titleKey, String filterKey, String pattern, String initial) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get(filterKey), pattern));
        chooser.setInitialFileName(initial);
        return chooser.showSaveDialog(owner.get());
    }

    /** The picture's size: three presets and "twice the pixels, for print". */
    private Optional<HandoutExport.Size> askSize() {
        Dialog<HandoutExport.Size> d = new Dialog<>();
        d.setTitle(Messages.get("export.png"));
        d.setHeaderText(Messages.get("export.size.header"));
        d.getDialogPane().getStylesheets().add(AtlasWindow.STYLESHEET);
        d.getDialogPane().getStyleClass().addAll(lookClasses.get());
        if (owner.get() != null) {
            d.initOwner(owner.get());
        }
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox();
        box.setSpacing(6);
        box.setPadding(new Insets(4, 0, 0, 0));
        String[] keys = {"export.size.hd", "export.size.fullHd", "export.size.a4"};
        for (int i = 0; i < HandoutExport.Size.PRESETS.size(); i++) {
            HandoutExport.Size s = HandoutExport.Size.PRESETS.get(i);
            RadioButton r = new RadioButton(Messages.format(keys[i], s.width(), s.height()));
            r.setId("export-size-" + s.width() + "x" + s.height());
            r.setUserData(s);
            r.setToggleGroup(group);
            r.setSelected(s.equals(size));
            box.getChildren().add(r);
        }
        CheckBox two = new CheckBox(Messages.get("export.size.double"));
        two.setId("export-size-double");
        two.setSelected(twice);
        Label hint = new Label(Messages.get("export.size.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.getStyleClass().add("legend-hint");
        box.getChildren().addAll(two, hint);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK && group.getSelectedToggle() != null
                ? (HandoutExport.Size) group.getSelectedToggle().getUserData() : null);
        Optional<HandoutExport.Size> r = d.showAndWait();
        r.ifPresent(s -> {
            size = s;
            twice = two.isSelected();
        });
        return r;
    }
}
