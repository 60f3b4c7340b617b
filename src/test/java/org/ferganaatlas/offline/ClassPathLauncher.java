package org.ferganaatlas.offline;

import org.ferganaatlas.gui.app.Main;

/**
 * Starts the atlas from the class path (the tests' way of running JavaFX with Monocle): the java launcher refuses a
 * main class that extends {@code Application} when JavaFX is not on the module path, so this one does not.
 */
public final class ClassPathLauncher {
    private ClassPathLauncher() {}

    public static void main(String[] args) {
        Main.main(args);
    }
}
