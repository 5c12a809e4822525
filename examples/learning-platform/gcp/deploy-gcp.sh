#!/usr/bin/env bash
# Deploys the learning platform to Google Cloud Functions (2nd gen) with the same names, triggers,
# memory, timeouts and concurrency caps as ../aws/template.yaml (AWS) and the Azure entry class.
# Usage: PROJECT=my-project REGION=europe-west1 ./deploy-gcp.sh   (run from examples/learning-platform/gcp)
# It uploads target/deploy, the jar this module's package phase builds (the functions with portablefn-gcp-functions
# and portablefn-gcp-sdk): from the repository root, ./mvnw -pl examples/learning-platform/gcp -am -DskipTests package.
# The functions run as the project's default compute service account unless --service-account is added: it needs
# roles/pubsub.publisher on the payments topic and roles/storage.objectViewer on the bucket.
set -euo pipefail

: "${PROJECT:?set PROJECT to your Google Cloud project id}"
REGION="${REGION:-europe-west1}"
PAYMENTS_TOPIC=payments
LESSONS_BUCKET=lesson-files
NIGHTLY_SCHEDULE=nightly-report
PACKAGE=dev.portablefn.examples.learning.gcp

SOURCE=target/deploy
# The logical names the code publishes to and reads from (Publisher.registered(), BlobStore.registered()), mapped
# to this project's topic and bucket for portablefn-gcp-sdk.
PAYMENTS_DESTINATION="PORTABLEFN_DESTINATION_PAYMENTS=projects/$PROJECT/topics/$PAYMENTS_TOPIC"
LESSONS_BUCKET_SETTING="PORTABLEFN_BUCKET_LESSON_FILES=$LESSONS_BUCKET"

[ -f "$SOURCE/portablefn-example-learning-platform-gcp.jar" ] || {
  echo "build $SOURCE first: ../../../mvnw -f ../../../pom.xml -pl examples/learning-platform/gcp -am -DskipTests package" >&2; exit 1; }
common=(--gen2 --project="$PROJECT" --region="$REGION" --runtime=java17 --source="$SOURCE")

deploy_http() { # name entry-point memory timeout max-instances [more gcloud options]
  gcloud functions deploy "$1" "${common[@]}" --entry-point="$PACKAGE.$2" \
    --trigger-http --allow-unauthenticated --memory="$3" --timeout="$4" --max-instances="$5" "${@:6}"
}

# Pub/Sub topics first: payment-publisher publishes to payments. Each event topic gets a dead-letter topic with a
# subscription that keeps what lands there (a topic without subscriptions drops its messages).
for topic in "$PAYMENTS_TOPIC" "$NIGHTLY_SCHEDULE"; do
  gcloud pubsub topics create "$topic" --project="$PROJECT" || true
  gcloud pubsub topics create "$topic-dlq" --project="$PROJECT" || true
  gcloud pubsub subscriptions create "$topic-dlq-kept" --project="$PROJECT" --topic="$topic-dlq" \
    --message-retention-duration=7d || true
done

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
gcloud functions deploy nightly-report "${common[@]}" --entry-point="$PACKAGE.NightlyReportFunction" \
  --trigger-topic="$NIGHTLY_SCHEDULE" --retry --memory=1Gi --timeout=300s --max-instances=1
gcloud scheduler jobs create pubsub "$NIGHTLY_SCHEDULE" --project="$PROJECT" --location="$REGION" \
  --schedule="0 2 * * *" --time-zone=UTC --topic="$NIGHTLY_SCHEDULE" --message-body='{}' || true

# Pub/Sub redelivers what a function fails, with backoff, and after 5 attempts moves it to the dead-letter topic:
# set on the push subscription Eventarc created for each topic trigger. Dead-lettering publishes and acknowledges
# as the project's Pub/Sub service agent, which needs these two roles.
project_number=$(gcloud projects describe "$PROJECT" --format='value(projectNumber)')
pubsub_agent="serviceAccount:service-$project_number@gcp-sa-pubsub.iam.gserviceaccount.com"
for topic in "$PAYMENTS_TOPIC" "$NIGHTLY_SCHEDULE"; do
  subscription=$(gcloud pubsub topics list-subscriptions "$topic" --project="$PROJECT" --format='value(name)' \
    | grep /eventarc- | head -n1)
  gcloud pubsub topics add-iam-policy-binding "$topic-dlq" --project="$PROJECT" \
    --member="$pubsub_agent" --role=roles/pubsub.publisher
  gcloud pubsub subscriptions add-iam-policy-binding "$subscription" --project="$PROJECT" \
    --member="$pubsub_agent" --role=roles/pubsub.subscriber
  gcloud pubsub subscriptions update "$subscription" --project="$PROJECT" \
    --dead-letter-topic="$topic-dlq" --max-delivery-attempts=5 --min-retry-delay=10s --max-retry-delay=600s
done
