package dev.portablefn.api.batch;

/** Whether a provider batch must be processed in order. */
public enum Ordering {
    /** Records are independent (SQS standard, SNS): each failure is reported on its own. */
    UNORDERED,
    /**
     * Records are ordered (SQS FIFO, Kinesis, DynamoDB Streams, Event Hubs): processing stops at the
     * first failure, which is reported with every record after it.
     */
    ORDERED
}
