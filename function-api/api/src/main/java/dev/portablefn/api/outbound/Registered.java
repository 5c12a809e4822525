package dev.portablefn.api.outbound;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The provider implementations a deployment registers with {@link ServiceLoader}, found on first use so that a
 * function that never publishes or stores needs none.
 */
final class Registered {

    private Registered() {
    }

    static <T> T find(Class<T> port, String examples) {
        Iterator<T> found = ServiceLoader.load(port, Registered.class.getClassLoader()).iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException("no " + port.getName() + " is registered: add a provider's outbound module"
                    + " (" + examples + ") to the deployment, or pass an implementation to the function");
        }
        T first = found.next();
        if (found.hasNext()) {
            throw new IllegalStateException("more than one " + port.getName() + " is registered ("
                    + first.getClass().getName() + ", " + found.next().getClass().getName()
                    + "): a deployment carries one provider's outbound module");
        }
        return first;
    }

    /** Finds the registered {@link Publisher} on first publish. */
    static final class LazyPublisher implements Publisher {
        private volatile Publisher delegate;

        @Override
        public String publish(String destination, String body, Map<String, String> attributes) {
            Publisher found = delegate;
            if (found == null) {
                found = find(Publisher.class, "portablefn-aws-sdk, portablefn-gcp-sdk or portablefn-azure-sdk");
                delegate = found;
            }
            return found.publish(destination, body, attributes);
        }

        @Override
        public String toString() {
            return "Publisher.registered()";
        }
    }

    /** Finds the registered {@link BlobStore} on first use. */
    static final class LazyBlobStore implements BlobStore {
        private volatile BlobStore delegate;

        private BlobStore delegate() {
            BlobStore found = delegate;
            if (found == null) {
                found = find(BlobStore.class, "portablefn-aws-sdk, portablefn-gcp-sdk or portablefn-azure-sdk");
                delegate = found;
            }
            return found;
        }

        @Override
        public void put(String bucket, String key, byte[] content, String contentType) {
            delegate().put(bucket, key, content, contentType);
        }

        @Override
        public Optional<byte[]> get(String bucket, String key) {
            return delegate().get(bucket, key);
        }

        @Override
        public boolean delete(String bucket, String key) {
            return delegate().delete(bucket, key);
        }

        @Override
        public String toString() {
            return "BlobStore.registered()";
        }
    }
}
