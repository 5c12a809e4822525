/**
 * What a provider batch (SQS, Kinesis, DynamoDB Streams, Event Hubs, ...) reports back:
 * {@link dev.portablefn.api.batch.BatchResult} names the records that failed so that only those are
 * redelivered, and {@link dev.portablefn.api.batch.Ordering} says whether processing stops at the first failure.
 */
package dev.portablefn.api.batch;
