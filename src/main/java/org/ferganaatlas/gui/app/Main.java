package org.ferganaatlas.gui.app;

/**
 * The atlas's entry point. It is not the {@code Application}: when the java launcher is given a main class that
 * extends {@code Application}, JavaFX starts its toolkit (and picks Prism's pipeline) <em>before</em> calling
 * {@code main}, so nothing {@code main} does could run ahead of it. From here {@link AtlasApp#run} chooses the
 * pipeline (software at once where no GPU can start, instead of loading Mesa and LLVM to find that out) and starts the
 * database preload, and only then launches the toolkit, which then starts alongside the preload.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        AtlasApp.run(args);
    }
}
