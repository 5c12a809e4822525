package dev.portablefn.aws;

import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Limits;
import dev.portablefn.api.Provider;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import dev.portablefn.runtime.json.JacksonCodec;

/**
 * Decodes AWS Lambda event payloads (API Gateway, Function URL, ALB, SQS, SNS, S3, EventBridge,
 * Kinesis, DynamoDB Streams) into portable requests and events; found by the CLI through
 * {@link java.util.ServiceLoader}. Strict: any malformed record makes the whole payload an
 * {@link EventDecodingException}, where the Lambda entry point would instead report that record as a
 * batch item failure.
 */
public final class AwsDecoder implements ProviderDecoder {

    private final AwsEventDecoder decoder;

    /** A decoder over the shared {@link JacksonCodec#standard()} codec and the default limits. */
    public AwsDecoder() {
        this.decoder = new AwsEventDecoder(JacksonCodec.standard().mapper(), Limits.defaults().maxBodyBytes());
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
