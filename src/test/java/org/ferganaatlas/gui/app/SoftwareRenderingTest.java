package org.ferganaatlas.gui.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a GPU render node the atlas goes straight to software rendering (no ES2 probe, no Mesa in memory). */
class SoftwareRenderingTest {
    @TempDir
    Path dri;

    @Test
    void aRenderNodeIsWhatMakesAGpuPipelinePossible() throws Exception {
        assertFalse(AtlasApp.hasRenderNode(dri.resolve("missing")), "no /dev/dri at all (a VM, Xvfb)");
        Files.createFile(dri.resolve("card0"));
        assertFalse(AtlasApp.hasRenderNode(dri), "a display card without a render node");
        Files.createFile(dri.resolve("renderD128"));
        assertTrue(AtlasApp.hasRenderNode(dri));
    }
}
