package dev.portablefn.examples.email;

import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;

/**
 * The pipeline as a deployed function sees it: one {@link EmailPipeline} per container, built on first use, reading
 * e-mails through the provider {@link BlobStore} and publishing addresses through the provider {@link Publisher} the
 * package carries ({@link BlobStore#registered()}, {@link Publisher#registered()}: {@code portablefn-aws-sdk},
 * {@code portablefn-gcp-sdk} or {@code portablefn-azure-sdk}, one per cloud module). The descriptors map the logical
 * names {@value EmailPipeline#INBOX_BUCKET} and {@value EmailPipeline#ADDRESSES_TOPIC} to the provider's bucket and
 * topic ({@code PORTABLEFN_BUCKET_INCOMING_EMAILS}, {@code PORTABLEFN_DESTINATION_ADDRESSES}).
 *
 * <p>The repositories are the in-memory ones, so each container keeps its own contacts and counts: enough to try a
 * deployment, not to run a business. Swap in repositories over your database in {@link #pipeline()}.
 */
public final class CloudDeployment {

    private CloudDeployment() {
    }

    /** @return this container's pipeline */
    public static EmailPipeline pipeline() {
        return Holder.PIPELINE;
    }

    private static final class Holder {
        static final EmailPipeline PIPELINE = EmailPipeline.deployed();
    }
}
