package dev.portablefn.examples.learning.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusTopicTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.examples.learning.CloudDeployment;
import java.util.Optional;

/**
 * The learning platform on Azure Functions: one annotated method per function, each a one-line
 * delegation to the portable function. The {@code payments} Service Bus topic feeds the enrolment
 * subscription; lesson files arrive as Event Grid blob events from the {@code lesson-files}
 * container; the nightly report runs at 02:00 UTC. Timeouts and concurrency are host-wide on Azure
 * ({@code host.json}: {@code functionTimeout}, {@code http.maxConcurrentRequests},
 * {@code serviceBus.maxConcurrentCalls}); memory is the plan's.
 */
public final class LearningPlatformFunctions {

    private static final AzureFunctions COURSES = AzureFunctions.of(CloudDeployment.platform().coursesApi());
    private static final AzureFunctions USERS = AzureFunctions.of(CloudDeployment.platform().usersApi());
    private static final AzureFunctions PAYMENTS = AzureFunctions.of(CloudDeployment.platform().paymentPublisher());
    private static final AzureFunctions REPORTS = AzureFunctions.of(CloudDeployment.platform().reportsApi());
    private static final AzureFunctions ENROLMENT = AzureFunctions.of(CloudDeployment.platform().paymentSubscriber());
    private static final AzureFunctions LESSONS = AzureFunctions.of(CloudDeployment.platform().lessonUploads());
    private static final AzureFunctions NIGHTLY = AzureFunctions.of(CloudDeployment.platform().nightlyReport());

    /**
     * @param request the request
     * @param context the invocation context
     * @return the courses API's response
     */
    @FunctionName("courses")
    public HttpResponseMessage courses(@HttpTrigger(name = "request", methods = {HttpMethod.GET, HttpMethod.POST},
            authLevel = AuthorizationLevel.ANONYMOUS, route = "courses/{*path}", dataType = "binary")
                                       HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
        return COURSES.http(request, context);
    }

    /**
     * @param request the request
     * @param context the invocation context
     * @return the users API's response
     */
    @FunctionName("users")
    public HttpResponseMessage users(@HttpTrigger(name = "request", methods = {HttpMethod.GET, HttpMethod.POST},
            authLevel = AuthorizationLevel.ANONYMOUS, route = "users/{*path}", dataType = "binary")
                                     HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
        return USERS.http(request, context);
    }

    /**
     * @param request the request
     * @param context the invocation context
     * @return the Payment Publisher's response
     */
    @FunctionName("payment-publisher")
    public HttpResponseMessage payments(@HttpTrigger(name = "request", methods = {HttpMethod.POST},
            authLevel = AuthorizationLevel.ANONYMOUS, route = "payments", dataType = "binary")
                                        HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
        return PAYMENTS.http(request, context);
    }

    /**
     * @param request the request
     * @param context the invocation context
     * @return the reports API's response
     */
    @FunctionName("reports")
    public HttpResponseMessage reports(@HttpTrigger(name = "request", methods = {HttpMethod.GET},
            authLevel = AuthorizationLevel.ANONYMOUS, route = "reports/{date}", dataType = "binary")
                                       HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
        return REPORTS.http(request, context);
    }

    /**
     * @param message               the {@code PaymentCompleted} JSON
     * @param messageId             the message id
     * @param deliveryCount         which delivery this is
     * @param enqueuedTimeUtc       when it was enqueued
     * @param applicationProperties the message's application properties as JSON
     * @param context               the invocation context
     */
    @FunctionName("payment-subscriber")
    public void paymentSubscriber(@ServiceBusTopicTrigger(name = "message", topicName = "payments",
            subscriptionName = "enrolment", connection = "ServiceBusConnection") String message,
                                  @BindingName("MessageId") String messageId,
                                  @BindingName("DeliveryCount") int deliveryCount,
                                  @BindingName("EnqueuedTimeUtc") String enqueuedTimeUtc,
                                  @BindingName("ApplicationProperties") String applicationProperties,
                                  ExecutionContext context) {
        ENROLMENT.serviceBusTopic(message, messageId, deliveryCount, enqueuedTimeUtc, applicationProperties, context);
    }

    /**
     * @param event   the Event Grid {@code BlobCreated}/{@code BlobDeleted} event of the lesson-files container
     * @param context the invocation context
     */
    @FunctionName("lesson-uploads")
    public void lessonUploads(@EventGridTrigger(name = "event") String event, ExecutionContext context) {
        LESSONS.eventGrid(event, context);
    }

    /**
     * @param timerInfo the timer's status JSON
     * @param context   the invocation context
     */
    @FunctionName("nightly-report")
    public void nightlyReport(@TimerTrigger(name = "timerInfo", schedule = "0 0 2 * * *") String timerInfo,
                              ExecutionContext context) {
        NIGHTLY.timer(timerInfo, context);
    }
}
