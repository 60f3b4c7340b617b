package org.ferganaatlas.nonet;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the {@link NetworkTrap} before the first test class loads (registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}), so it covers the whole run,
 * and reports every attempt at the end. Failing the offending test is {@link NoNetworkExtension}'s job.
 */
public final class NoNetworkSessionListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NetworkTrap.install();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!NetworkTrap.attempts().isEmpty()) {
            System.err.println("[NetworkTrap] NETWORK ACCESS ATTEMPTED DURING THE TESTS:");
            NetworkTrap.attempts().forEach(a -> System.err.println("  " + a));
        }
    }
}
