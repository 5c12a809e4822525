#!/usr/bin/env bash
# Deploys the learning platform to Google Cloud Functions (2nd gen) with the same names, triggers,
# memory, timeouts and concurrency caps as template.yaml (AWS) and the Azure entry class.
# Usage: PROJECT=my-project REGION=europe-west1 ./deploy-gcp.sh   (run from examples/learning-platform)
# It uploads target/deploy-gcp, the jar the pom's gcp profile builds (the functions with portablefn-gcp-functions and
# portablefn-gcp-sdk): run ../../mvnw -Pgcp package first. The functions run as the project's default compute
# service account unless --service-account is added: it needs roles/pubsub.publisher on the payments topic and
# roles/storage.objectViewer on the bucket.
set -euo pipefail

: "${PROJECT:?set PROJECT to your Google Cloud project id}"
REGION="${REGION:-europe-west1}"
PAYMENTS_TOPIC=payments
LESSONS_BUCKET=lesson-files
NIGHTLY_SCHEDULE=nightly-report
PACKAGE=dev.portablefn.examples.learning.gcp

SOURCE=target/deploy-gcp
# The logical names the code publishes to and reads from (Publisher.registered(), BlobStore.registered()), mapped
# to this project's topic and bucket for portablefn-gcp-sdk.
PAYMENTS_DESTINATION="PORTABLEFN_DESTINATION_PAYMENTS=projects/$PROJECT/topics/$PAYMENTS_TOPIC"
LESSONS_BUCKET_SETTING="PORTABLEFN_BUCKET_LESSON_FILES=$LESSONS_BUCKET"

[ -f "$SOURCE/portablefn-example-learning-platform-gcp.jar" ] || { echo "build $SOURCE first: ../../mvnw -Pgcp package" >&2; exit 1; }
common=(--gen2 --project="$PROJECT" --region="$REGION" --runtime=java17 --source="$SOURCE")

deploy_http() { # name entry-point memory timeout max-instances [more gcloud options]
  gcloud functions deploy "$1" "${common[@]}" --entry-point="$PACKAGE.$2" \
    --trigger-http --allow-unauthenticated --memory="$3" --timeout="$4" --max-instances="$5" "${@:6}"
}

# Pub/Sub topics first: payment-publisher publishes to payments
gcloud pubsub topics create "$PAYMENTS_TOPIC" --project="$PROJECT" || true
gcloud pubsub topics create "$PAYMENTS_TOPIC-dlq" --project="$PROJECT" || true

# HTTP API
deploy_http courses CoursesFunction 512Mi 10s 20
deploy_http users UsersFunction 512Mi 10s 20
deploy_http payment-publisher PaymentPublisherFunction 512Mi 15s 10 --set-env-vars="$PAYMENTS_DESTINATION"
deploy_http reports ReportsFunction 256Mi 10s 5

# Pub/Sub: the enrolment subscriber on the payments topic
gcloud functions deploy payment-subscriber "${common[@]}" --entry-point="$PACKAGE.PaymentSubscriberFunction" \
  --trigger-topic="$PAYMENTS_TOPIC" --retry --memory=512Mi --timeout=30s --max-instances=5

# Storage: lesson-files bucket, created and deleted objects
gcloud storage buckets create "gs://$LESSONS_BUCKET" --project="$PROJECT" --location="$REGION" || true
gcloud functions deploy lesson-uploads "${common[@]}" --entry-point="$PACKAGE.LessonUploadsFunction" \
  --trigger-event-filters="type=google.cloud.storage.object.v1.finalized" \
  --trigger-event-filters="bucket=$LESSONS_BUCKET" --retry --memory=256Mi --timeout=60s --max-instances=5 \
  --set-env-vars="$LESSONS_BUCKET_SETTING"
gcloud functions deploy lesson-deletions "${common[@]}" --entry-point="$PACKAGE.LessonUploadsFunction" \
  --trigger-event-filters="type=google.cloud.storage.object.v1.deleted" \
  --trigger-event-filters="bucket=$LESSONS_BUCKET" --retry --memory=256Mi --timeout=60s --max-instances=5 \
  --set-env-vars="$LESSONS_BUCKET_SETTING"

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
