package dev.portablefn.api;

/** The kind of source that delivered an event, the same on every provider. */
public enum Trigger {
    /** An HTTP request (API Gateway, Function URL, ALB, Azure HTTP trigger, Cloud Functions HTTP). */
    HTTP,
    /** A message from a queue (SQS, Azure Queue Storage, Service Bus queue). */
    QUEUE,
    /** A message from a publish/subscribe topic (SNS, Pub/Sub, Service Bus topic, Event Grid topic). */
    TOPIC,
    /** A change to an object in a bucket or container (S3, Cloud Storage, Blob Storage). */
    STORAGE,
    /** A tick from a schedule (EventBridge schedule, Cloud Scheduler, Azure Timer). */
    SCHEDULE,
    /** A record from an ordered stream (Kinesis, Event Hubs). */
    STREAM,
    /** A change to a database document or row (DynamoDB Streams, Firestore, Cosmos DB change feed). */
    DATABASE,
    /** Any other event, such as an EventBridge custom event or a custom CloudEvent. */
    CUSTOM
}
