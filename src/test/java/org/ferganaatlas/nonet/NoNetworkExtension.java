package org.ferganaatlas.nonet;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (or the test class, for attempts in set-up and tear-down) during which a network attempt
 * was recorded. Registered for every test class through Jupiter's extension auto-detection
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension} and {@code junit-platform.properties}).
 */
public final class NoNetworkExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoNetworkExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        NetworkTrap.install();
        context.getStore(NS).put("start", NetworkTrap.attempts().size());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("start", NetworkTrap.attempts().size());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context);
    }

    private static void check(ExtensionContext context) {
        Integer start = context.getStore(NS).get("start", Integer.class);
        List<String> all = NetworkTrap.attempts();
        int from = start == null ? 0 : start;
        if (all.size() > from) {
            List<String> mine = all.subList(from, all.size());
            context.getStore(NS).put("start", all.size());
            throw new AssertionError("The atlas must never use the network, but " + context.getDisplayName()
                    + " attempted: " + String.join("; ", mine));
        }
    }
}
