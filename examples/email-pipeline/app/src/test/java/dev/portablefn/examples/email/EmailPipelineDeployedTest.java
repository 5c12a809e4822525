package dev.portablefn.examples.email;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.StorageObject;
import org.junit.jupiter.api.Test;

class EmailPipelineDeployedTest {

    @Test
    void aDeployedPipelineReadsThroughTheRegisteredBlobStoreFoundOnFirstUse() {
        // Building it needs no provider module; the test classpath carries none, so the first read says so.
        EmailPipeline deployed = EmailPipeline.deployed();
        Context context = Context.builder().requestId("r-1").functionName("incoming-emails").provider(Provider.AWS)
                .build();
        Event<StorageObject> event = Event.<StorageObject>builder().id("e-1").source("inbox").type("test")
                .trigger(Trigger.STORAGE).data(StorageObject.of("inbox", "a.eml", StorageObject.Change.CREATED)).build();

        assertThatThrownBy(() -> deployed.incomingEmails().handle(event, context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no dev.portablefn.api.outbound.BlobStore is registered");
    }
}
