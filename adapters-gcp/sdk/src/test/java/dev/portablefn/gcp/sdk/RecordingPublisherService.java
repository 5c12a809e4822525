package dev.portablefn.gcp.sdk;

import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import com.google.pubsub.v1.PublisherGrpc;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pub/Sub's publishing service on the official generated base class: it records every request it receives and
 * answers with message ids, or with the status it is told to fail with.
 */
final class RecordingPublisherService extends PublisherGrpc.PublisherImplBase {

    private final List<PublishRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Status failure;

    @Override
    public void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
        requests.add(request);
        Status failing = failure;
        if (failing != null) {
            response.onError(failing.asRuntimeException());
            return;
        }
        PublishResponse.Builder answer = PublishResponse.newBuilder();
        for (int i = 0; i < request.getMessagesCount(); i++) {
            answer.addMessageIds("message-" + ids.incrementAndGet());
        }
        response.onNext(answer.build());
        response.onCompleted();
    }

    /** Makes every later request fail with {@code status}, or succeed again with {@code null}. */
    void failWith(Status status) {
        failure = status;
    }

    List<PublishRequest> requests() {
        return requests;
    }

    /** The one message the service received, failing when it received another number. */
    PubsubMessage onlyMessage() {
        if (requests.size() != 1 || requests.get(0).getMessagesCount() != 1) {
            throw new AssertionError("expected one request with one message, got " + requests);
        }
        return requests.get(0).getMessages(0);
    }
}
