package org.ferganaatlas.nonet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.URLStreamHandlerFactory;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records, and makes fail, every outbound network attempt in the test JVM:
 * <ul>
 *   <li>a permissive {@link SecurityManager} whose {@code checkConnect} sees every socket (java.net and NIO,
 *       HTTP clients included) and every host-name lookup; installed where the JDK still allows it
 *       (17 and, with {@code -Djava.security.manager=allow}, 18-23);</li>
 *   <li>a {@link ProxySelector} that HTTP(S), FTP and plain sockets consult before connecting;</li>
 *   <li>a {@link URLStreamHandlerFactory} for http, https and ftp URLs.</li>
 * </ul>
 * Loopback is allowed. Attempts are kept in {@link #attempts()}; {@link NoNetworkExtension} fails the test
 * during which one happened.
 */
public final class NetworkTrap {
    private static final List<String> ATTEMPTS = new ArrayList<>();
    private static boolean installed;
    private static boolean securityManagerActive;

    private NetworkTrap() {}

    /** Installs the traps once per JVM. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost();
                if (host != null && !isLoopback(host)) {
                    record("proxy-select " + uri);
                    throw new IllegalStateException("Network access attempted in a test: " + uri);
                }
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // nothing: select already recorded it
            }
        });
        try {
            URL.setURLStreamHandlerFactory(protocol -> Set.of("http", "https", "ftp").contains(protocol) ? new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) throws IOException {
                    record("url " + u);
                    throw new IOException("Network access attempted in a test: " + u);
                }
            } : null);
        } catch (Error alreadySet) {
            record("(trap) URLStreamHandlerFactory was already set by someone else: " + alreadySet);
        }
        try {
            System.setSecurityManager(new TrapSecurityManager());
            securityManagerActive = true;
        } catch (UnsupportedOperationException | SecurityException notAllowed) {
            // JDK 24+ (or no -Djava.security.manager=allow on 18+): the ProxySelector and URL traps remain.
            System.err.println("[NetworkTrap] SecurityManager not available (" + notAllowed
                    + "); trapping sockets through ProxySelector and URL handlers only");
        }
    }

    /** Whether the socket-level trap (SecurityManager) is active. */
    public static boolean securityManagerActive() {
        return securityManagerActive;
    }

    /** Every attempt recorded so far. */
    public static synchronized List<String> attempts() {
        return List.copyOf(ATTEMPTS);
    }

    /** Forgets attempts made on purpose (the trap's own self test). */
    public static synchronized void forget(int fromIndex) {
        while (ATTEMPTS.size() > fromIndex) {
            ATTEMPTS.remove(ATTEMPTS.size() - 1);
        }
    }

    static synchronized void record(String what) {
        ATTEMPTS.add(what + " (thread " + Thread.currentThread().getName() + ")");
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty() || host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("[::1]") || host.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        return false;
    }

    /** Allows everything except connections (and lookups) to non-loopback hosts. */
    private static final class TrapSecurityManager extends SecurityManager {
        @Override
        public void checkPermission(Permission perm) {
            // permissive: only network access is trapped
        }

        @Override
        public void checkPermission(Permission perm, Object context) {
            // permissive
        }

        @Override
        public void checkConnect(String host, int port) {
            check(host, port);
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            check(host, port);
        }

        private static void check(String host, int port) {
            if (isLoopback(host) || isLocalName(host)) {
                return;
            }
            record((port < 0 ? "lookup " : "connect ") + host + (port < 0 ? "" : ":" + port));
            throw new SecurityException("Network access attempted in a test: " + host + ":" + port);
        }

        private static boolean isLocalName(String host) {
            try {
                // our own host name (Monocle/AWT sometimes ask for it) is not the network
                return host.equals(InetAddress.getLoopbackAddress().getHostName());
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
