package org.ferganaatlas.nonet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** The trap really catches attempts (so a silent pass of the suite means something). */
class NetworkTrapTest {
    @Test
    void socketsUrlsAndChannelsAreCaughtAndRecorded() throws Exception {
        int before = NetworkTrap.attempts().size();
        try {
            assertThrows(Exception.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("192.0.2.7", 80), 200);
                }
            });
            assertThrows(Exception.class, () -> URI.create("https://tile.openstreetmap.org/1/0/0.png").toURL().openStream());
            if (NetworkTrap.securityManagerActive()) {
                assertThrows(Exception.class, () -> {
                    try (SocketChannel ch = SocketChannel.open()) {
                        ch.connect(new InetSocketAddress("192.0.2.8", 443));
                    }
                });
            }
            int expected = NetworkTrap.securityManagerActive() ? 3 : 2;
            assertTrue(NetworkTrap.attempts().size() - before >= expected, () -> "recorded: " + NetworkTrap.attempts());
        } finally {
            NetworkTrap.forget(before); // these attempts were made on purpose
        }
    }
}
