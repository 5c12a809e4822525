package dev.portablefn.azure.sdk;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made with the JDK's {@code keytool}, so a loopback
 * {@link HttpsServer} can stand in for an Azure endpoint: the SDK sends keys only over HTTPS. The client side trusts
 * this certificate alone.
 */
final class LoopbackTls {

    private static final char[] PASSWORD = "loopback".toCharArray();

    private final SSLContext server;
    private final SSLContext client;

    private LoopbackTls(SSLContext server, SSLContext client) {
        this.server = server;
        this.client = client;
    }

    static LoopbackTls create() throws IOException, GeneralSecurityException, InterruptedException {
        Path directory = Files.createTempDirectory("loopback-tls");
        Path keystore = directory.resolve("loopback.p12");
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "loopback", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make a loopback certificate");
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                keys.load(in, PASSWORD);
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(keyManagers.getKeyManagers(), null, null);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("loopback", keys.getCertificate("loopback"));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trust.getTrustManagers(), null);
            return new LoopbackTls(server, client);
        } finally {
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(directory);
        }
    }

    /** @return an HTTPS server on a free loopback port, not yet started */
    HttpsServer server() throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server));
        return https;
    }

    /** @return an Azure HTTP client on the JDK's, trusting only this certificate */
    HttpClient client() {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(client)).build();
    }
}
