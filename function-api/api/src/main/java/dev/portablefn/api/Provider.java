package dev.portablefn.api;

/** The platform an invocation runs on. */
public enum Provider {
    /** AWS Lambda. */
    AWS,
    /** Azure Functions. */
    AZURE,
    /** Google Cloud Functions and Cloud Run functions. */
    GCP,
    /** The in-memory testing kit, LocalCloud and the local dev server. */
    LOCAL
}
