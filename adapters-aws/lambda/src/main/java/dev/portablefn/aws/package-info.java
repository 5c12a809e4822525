/**
 * Runs portable functions on AWS Lambda: subclass {@link dev.portablefn.aws.LambdaHandler} with your function, or
 * point {@link dev.portablefn.aws.GenericLambdaHandler} at it through {@code PORTABLEFN_FUNCTION}. The handler
 * decodes API Gateway (REST and HTTP API), Function URL, ALB, SQS, SNS, S3, EventBridge, Kinesis and DynamoDB
 * Streams payloads into portable requests and events and encodes the result the way the source expects.
 * {@link dev.portablefn.aws.AwsDecoder} is the {@code ProviderDecoder} the CLI uses.
 *
 * <p>Failures: HTTP sources get a problem response. SQS, Kinesis and DynamoDB Streams get
 * {@code batchItemFailures} naming the failed records (and, for ordered sources, every record after the first
 * failure), so only those are redelivered. For the asynchronous single-event sources (SNS, S3, EventBridge) a
 * retryable failure is thrown so Lambda retries the invocation, while a permanent failure or an undecodable event
 * is logged at ERROR and acknowledged, because retrying the same bytes cannot help.
 */
package dev.portablefn.aws;
