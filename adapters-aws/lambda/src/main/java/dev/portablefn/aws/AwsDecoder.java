package dev.portablefn.aws;

import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Provider;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import dev.portablefn.runtime.json.JacksonCodec;
import java.util.Objects;

/**
 * Decodes AWS Lambda event payloads (API Gateway, Function URL, ALB, SQS, SNS, S3, EventBridge,
 * Kinesis, DynamoDB Streams) into portable requests and events; found by the CLI through
 * {@link java.util.ServiceLoader}. Strict: any malformed record makes the whole payload an
 * {@link EventDecodingException}, where the Lambda entry point would instead report that record as a
 * batch item failure.
 */
public final class AwsDecoder implements ProviderDecoder {

    private final AwsEventDecoder decoder;

    /** A decoder over the shared {@link JacksonCodec#standard()} codec and its limits. */
    public AwsDecoder() {
        this(JacksonCodec.standard());
    }

    /**
     * @param codec the codec whose mapper (and limits) parse payloads
     */
    public AwsDecoder(JacksonCodec codec) {
        this.decoder = new AwsEventDecoder(Objects.requireNonNull(codec, "codec").mapper());
    }

    @Override
    public Provider provider() {
        return Provider.AWS;
    }

    @Override
    public Decoded decode(byte[] payload) {
        AwsPayload decoded = decoder.decode(payload);
        if (decoded.source().isHttp()) {
            if (decoded.requestError() != null) {
                throw decoded.requestError();
            }
            return new Decoded.Http(decoded.request());
        }
        return new Decoded.Events(decoded.eventsOrThrow(), decoded.ordering(), decoded.source().isBatch());
    }
}
