#!/usr/bin/env bash
# Deploys the learning platform to Google Cloud Functions (2nd gen) with the same names, triggers,
# memory, timeouts and concurrency caps as template.yaml (AWS) and the Azure entry class.
# Usage: PROJECT=my-project REGION=europe-west1 ./deploy-gcp.sh   (run from examples/learning-platform)
set -euo pipefail

: "${PROJECT:?set PROJECT to your Google Cloud project id}"
REGION="${REGION:-europe-west1}"
PAYMENTS_TOPIC=payments
LESSONS_BUCKET=lesson-files
NIGHTLY_SCHEDULE=nightly-report
PACKAGE=dev.portablefn.examples.learning.gcp

common=(--gen2 --project="$PROJECT" --region="$REGION" --runtime=java17 --source=.)

deploy_http() { # name entry-point memory timeout max-instances
  gcloud functions deploy "$1" "${common[@]}" --entry-point="$PACKAGE.$2" \
    --trigger-http --allow-unauthenticated --memory="$3" --timeout="$4" --max-instances="$5"
}

# HTTP API
deploy_http courses CoursesFunction 512Mi 10s 20
deploy_http users UsersFunction 512Mi 10s 20
deploy_http payment-publisher PaymentPublisherFunction 512Mi 15s 10
deploy_http reports ReportsFunction 256Mi 10s 5

# Pub/Sub: payments topic, dead-letter topic, enrolment subscriber
gcloud pubsub topics create "$PAYMENTS_TOPIC" --project="$PROJECT" || true
gcloud pubsub topics create "$PAYMENTS_TOPIC-dlq" --project="$PROJECT" || true
gcloud functions deploy payment-subscriber "${common[@]}" --entry-point="$PACKAGE.PaymentSubscriberFunction" \
  --trigger-topic="$PAYMENTS_TOPIC" --retry --memory=512Mi --timeout=30s --max-instances=5

# Storage: lesson-files bucket, created and deleted objects
gcloud storage buckets create "gs://$LESSONS_BUCKET" --project="$PROJECT" --location="$REGION" || true
gcloud functions deploy lesson-uploads "${common[@]}" --entry-point="$PACKAGE.LessonUploadsFunction" \
  --trigger-event-filters="type=google.cloud.storage.object.v1.finalized" \
  --trigger-event-filters="bucket=$LESSONS_BUCKET" --retry --memory=256Mi --timeout=60s --max-instances=5
gcloud functions deploy lesson-deletions "${common[@]}" --entry-point="$PACKAGE.LessonUploadsFunction" \
  --trigger-event-filters="type=google.cloud.storage.object.v1.deleted" \
  --trigger-event-filters="bucket=$LESSONS_BUCKET" --retry --memory=256Mi --timeout=60s --max-instances=5

# Scheduler: a job publishing to a topic every night at 02:00 UTC; each message is a tick
gcloud pubsub topics create "$NIGHTLY_SCHEDULE" --project="$PROJECT" || true
gcloud functions deploy nightly-report "${common[@]}" --entry-point="$PACKAGE.NightlyReportFunction" \
  --trigger-topic="$NIGHTLY_SCHEDULE" --memory=1Gi --timeout=300s --max-instances=1
gcloud scheduler jobs create pubsub "$NIGHTLY_SCHEDULE" --project="$PROJECT" --location="$REGION" \
  --schedule="0 2 * * *" --time-zone=UTC --topic="$NIGHTLY_SCHEDULE" --message-body='{}' || true

# The subscription Eventarc created for payment-subscriber gets the dead-letter topic after 5 attempts.
subscription=$(gcloud pubsub topics list-subscriptions "$PAYMENTS_TOPIC" --project="$PROJECT" --format='value(name)' | head -n1)
gcloud pubsub subscriptions update "$subscription" --project="$PROJECT" \
  --dead-letter-topic="$PAYMENTS_TOPIC-dlq" --max-delivery-attempts=5
