/**
 * The AWS outbound module: {@link dev.portablefn.aws.sdk.AwsPublisher} publishes to SNS topics, SQS queues and
 * EventBridge buses, {@link dev.portablefn.aws.sdk.AwsBlobStore} stores in S3 buckets, both on the AWS SDK for Java
 * v2 with the JDK's HTTP client, both registered with {@link java.util.ServiceLoader} so that
 * {@link dev.portablefn.api.outbound.Publisher#registered()} and
 * {@link dev.portablefn.api.outbound.BlobStore#registered()} find them. Destinations and buckets are logical
 * names, mapped by {@code PORTABLEFN_DESTINATION_<NAME>} and {@code PORTABLEFN_BUCKET_<NAME>} settings.
 */
package dev.portablefn.aws.sdk;
