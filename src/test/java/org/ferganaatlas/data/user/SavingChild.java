package org.ferganaatlas.data.user;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link KillDuringSavesTest} kills: saves settings and notes as fast as it can, printing a line
 * before each save ({@code try}) and one after its future returned ({@code ok}), until it is killed.
 * Run as {@code java -cp <test class path> org.ferganaatlas.data.user.SavingChild <database file>}.
 */
public final class SavingChild {
    private SavingChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (UserDatabase db = UserDatabase.open(Path.of(args[0]))) {
            out.println("open");
            for (int i = 0; ; i++) {
                out.println("try setting " + i);
                db.settings().put("kill.test." + i, "value " + i).join();
                out.println("ok setting " + i);
                out.println("try note " + i);
                Note n = db.notes().insert(NoteDraft.atPoint(40.0 + i % 100 * 0.001, 71.0, "Note " + i, "saved before the kill")
                        .withTags(List.of("kill", "n" + i % 10))).join();
                out.println("ok note " + i + " " + n.id());
            }
        }
    }
}
