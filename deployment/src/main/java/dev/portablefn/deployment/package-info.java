/**
 * One declaration per application ({@link dev.portablefn.deployment.Application}): its functions with their
 * entries, triggers, limits, retries and dead letters, and the topics, queues, buckets, schedules and dead-letter
 * queues they share; {@link dev.portablefn.deployment.Render} turns it into each provider's deployment (the SAM
 * template, the gcloud deploy script, the Azure app) and the entry classes each needs. Build-time only.
 */
package dev.portablefn.deployment;
