#!/usr/bin/env bash
# Deploys the email pipeline to Google Cloud Functions (2nd gen): new objects in the inbox bucket run incoming-emails,
# which publishes the addresses of each e-mail to the Pub/Sub topic addresses; contacts and domain-counter subscribe to
# it. Every trigger retries failures and, after 5 delivery attempts, moves the event to the dead-letter topic
# addresses-dlq, where the subscription addresses-dlq-inspect keeps it for an operator.
# Usage: PROJECT=my-project REGION=europe-west1 ./deploy-gcp.sh   (run from examples/email-pipeline/gcp)
# It uploads target/deploy, the jar this module's package phase builds (the functions with portablefn-gcp-functions and
# portablefn-gcp-sdk): run ./mvnw -pl examples/email-pipeline/gcp -am package -DskipTests from the repository root
# first. The functions run as the project's default compute service account unless --service-account is added: it
# needs roles/pubsub.publisher on the addresses topic and roles/storage.objectViewer on the bucket.
set -euo pipefail

: "${PROJECT:?set PROJECT to your Google Cloud project id}"
REGION="${REGION:-europe-west1}"
# Bucket names are global: the project id makes this one unique (override with INBOX_BUCKET=...).
INBOX_BUCKET="${INBOX_BUCKET:-incoming-emails-$PROJECT}"
ADDRESSES_TOPIC=addresses
DEAD_LETTER_TOPIC=addresses-dlq
MAX_DELIVERY_ATTEMPTS=5
PACKAGE=dev.portablefn.examples.email.gcp

SOURCE=target/deploy
JAR=portablefn-example-email-pipeline-gcp.jar
# The logical names the code reads from and publishes to (BlobStore.registered(), Publisher.registered()), mapped to
# this project's bucket and topic for portablefn-gcp-sdk.
BUCKET_SETTING="PORTABLEFN_BUCKET_INCOMING_EMAILS=$INBOX_BUCKET"
ADDRESSES_DESTINATION="PORTABLEFN_DESTINATION_ADDRESSES=projects/$PROJECT/topics/$ADDRESSES_TOPIC"

[ -f "$SOURCE/$JAR" ] || { echo "build $SOURCE/$JAR first: ./mvnw -pl examples/email-pipeline/gcp -am package -DskipTests" >&2; exit 1; }
common=(--gen2 --project="$PROJECT" --region="$REGION" --runtime=java17 --source="$SOURCE")

# The topic, the dead-letter topic with a subscription that keeps what lands there, the bucket.
gcloud pubsub topics create "$ADDRESSES_TOPIC" --project="$PROJECT" || true
gcloud pubsub topics create "$DEAD_LETTER_TOPIC" --project="$PROJECT" || true
gcloud pubsub subscriptions create "$DEAD_LETTER_TOPIC-inspect" --topic="$DEAD_LETTER_TOPIC" --project="$PROJECT" \
  --message-retention-duration=7d || true
gcloud storage buckets create "gs://$INBOX_BUCKET" --project="$PROJECT" --location="$REGION" || true
# Cloud Storage announces new objects through Pub/Sub: its service agent publishes for the storage trigger.
STORAGE_AGENT=$(gcloud storage service-agent --project="$PROJECT")
gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:$STORAGE_AGENT" \
  --role=roles/pubsub.publisher --condition=None >/dev/null

# Storage: the parsing function on new objects in the inbox bucket
gcloud functions deploy incoming-emails "${common[@]}" --entry-point="$PACKAGE.IncomingEmailsFunction" \
  --trigger-event-filters="type=google.cloud.storage.object.v1.finalized" \
  --trigger-event-filters="bucket=$INBOX_BUCKET" --retry --memory=512Mi --timeout=60s --max-instances=10 \
  --set-env-vars="$BUCKET_SETTING,$ADDRESSES_DESTINATION"

# Pub/Sub: the subscribers on the addresses topic
gcloud functions deploy contacts "${common[@]}" --entry-point="$PACKAGE.ContactsFunction" \
  --trigger-topic="$ADDRESSES_TOPIC" --retry --memory=256Mi --timeout=15s --max-instances=5
gcloud functions deploy domain-counter "${common[@]}" --entry-point="$PACKAGE.DomainCounterFunction" \
  --trigger-topic="$ADDRESSES_TOPIC" --retry --memory=256Mi --timeout=15s --max-instances=5

# Dead letters: the Pub/Sub subscription behind each function's trigger (Eventarc's) gets the dead-letter topic after
# MAX_DELIVERY_ATTEMPTS attempts, with exponential backoff between them. Pub/Sub's service agent forwards the messages.
PROJECT_NUMBER=$(gcloud projects describe "$PROJECT" --format='value(projectNumber)')
PUBSUB_AGENT="serviceAccount:service-$PROJECT_NUMBER@gcp-sa-pubsub.iam.gserviceaccount.com"
gcloud pubsub topics add-iam-policy-binding "$DEAD_LETTER_TOPIC" --project="$PROJECT" --member="$PUBSUB_AGENT" \
  --role=roles/pubsub.publisher >/dev/null
for function in incoming-emails contacts domain-counter; do
  trigger=$(gcloud functions describe "$function" --gen2 --project="$PROJECT" --region="$REGION" \
    --format='value(eventTrigger.trigger)')
  subscription=$(gcloud eventarc triggers describe "$trigger" --format='value(transport.pubsub.subscription)')
  gcloud pubsub subscriptions add-iam-policy-binding "$subscription" --member="$PUBSUB_AGENT" \
    --role=roles/pubsub.subscriber >/dev/null
  gcloud pubsub subscriptions update "$subscription" \
    --dead-letter-topic="projects/$PROJECT/topics/$DEAD_LETTER_TOPIC" --max-delivery-attempts="$MAX_DELIVERY_ATTEMPTS" \
    --min-retry-delay=10s --max-retry-delay=600s
done
echo "upload e-mails with: gcloud storage cp message.eml gs://$INBOX_BUCKET/inbox/"
