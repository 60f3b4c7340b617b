package org.ferganaatlas.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The atlas starts with the same JVM flags however it is started: the installed launcher (installer/package.sh's
 * {@code --java-options}), {@code ./run-atlas} and {@code ./mvnw javafx:run} (pom.xml's javafx-maven-plugin options).
 * Flags that name the install location ({@code $APPDIR}: assets, sqlite's native library, the CDS archive) and the CDS
 * log switches belong to the installed launcher only.
 */
class LaunchFlagsTest {
    private static final Set<String> EXPECTED = Set.of("-XX:TieredStopAtLevel=1", "-XX:+UseG1GC", "-Xmx192m", "-XX:SoftRefLRUPolicyMSPerMB=10",
            "-Xshare:auto", "-Djava.awt.headless=true", "-Djavafx.platform=desktop");

    private static Set<String> matches(String text, String regex) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void installedLauncherRunScriptAndMavenRunAgree() throws Exception {
        Set<String> installed = matches(Files.readString(Path.of("installer/package.sh")), "--java-options \"(-[^\"$]+)\"");
        installed.removeIf(f -> f.startsWith("-Xlog:") || f.startsWith("-Dorg.sqlite.lib.")); // the native library packed by package.sh
        Set<String> script = matches(Files.readString(Path.of("run-atlas")), "\\s(-(?:XX:|Xm|Xshare|Djava\\.awt|Djavafx)[^\\s\"]+)");
        script.removeIf(f -> f.contains("atlas.jsa")); // its own class-sharing archive, made by its first run
        Set<String> pom = matches(Files.readString(Path.of("pom.xml")), "<option>(-[^<]+)</option>");
        pom.removeIf(f -> f.startsWith("-Datlas.assets=")
                || f.equals("-Datlas.exitWithParent=true")); // only javafx:run is a child of another JVM (Maven)
        assertEquals(new TreeSet<>(EXPECTED), installed, "installer/package.sh");
        assertEquals(new TreeSet<>(EXPECTED), script, "run-atlas");
        assertEquals(new TreeSet<>(EXPECTED), pom, "pom.xml javafx-maven-plugin options");
    }

    @Test
    void runScriptBecomesTheAtlasJvm() throws Exception {
        String script = Files.readString(Path.of("run-atlas"));
        assertTrue(Files.isExecutable(Path.of("run-atlas")), "run-atlas must be executable");
        // exec: no shell or Maven between the user and the atlas, so its exit code and signals are the user's
        assertTrue(Pattern.compile("(?m)^exec \"\\$java\" .*").matcher(script).find(), "run-atlas must exec the JVM");
        assertTrue(script.contains("-m fergana.atlas/org.ferganaatlas.gui.app.Main"), "the module and main class");
    }
}
