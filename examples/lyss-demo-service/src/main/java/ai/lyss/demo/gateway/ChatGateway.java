package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

import ai.lyss.logging.Fields;
import ai.lyss.logging.Severity;
import ai.lyss.logging.StructuredLogger;
import ai.lyss.metrics.BusinessMetrics;
import java.time.Clock;

/** Chat completions: model lookup, tenant quota, the provider call, then billing. */
public final class ChatGateway implements ChatService {

  private static final StructuredLogger LOG = StructuredLogger.getLogger(ChatGateway.class);

  private final ModelCalls models;
  private final TenantQuota quota;
  private final BusinessMetrics business;
  private final Clock clock;

  /**
   * Creates the gateway.
   *
   * @param models the measured model call path
   * @param quota the per-tenant quota
   * @param business business metrics (revenue)
   * @param clock wall clock for the {@code created} field
   */
  public ChatGateway(ModelCalls models, TenantQuota quota, BusinessMetrics business, Clock clock) {
    this.models = requireNonNull(models, "models");
    this.quota = requireNonNull(quota, "quota");
    this.business = requireNonNull(business, "business");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public ChatCompletion complete(RequestContext context, ChatRequest request) {
    ModelCatalog.Model model = admit(context, request);
    ProviderResponse response;
    try {
      response =
          models.call(
              context.tenantId(),
              model,
              request.messages(),
              request.maxTokens(),
              context.fault() == RequestContext.Fault.PROVIDER);
    } catch (ProviderException e) {
      throw ApiException.badGateway("Model provider failed: " + e.getMessage());
    }
    bill(context, model, response);
    return new ChatCompletion(Ids.next("chatcmpl-"), clock.instant().getEpochSecond(), response);
  }

  @Override
  public ChatCompletion stream(RequestContext context, ChatRequest request, ChunkSink sink) {
    ModelCatalog.Model model = admit(context, request);
    String id = Ids.next("chatcmpl-");
    long created = clock.instant().getEpochSecond();
    ProviderResponse response;
    try {
      response =
          models.stream(
              context.tenantId(),
              model,
              request.messages(),
              request.maxTokens(),
              context.fault() == RequestContext.Fault.PROVIDER,
              text -> sink.delta(id, created, model.name(), text));
    } catch (ProviderException e) {
      throw ApiException.badGateway("Model provider failed: " + e.getMessage());
    }
    bill(context, model, response);
    return new ChatCompletion(id, created, response);
  }

  /** The model, once the request may call it: it exists and the tenant's quota allows it. */
  private ModelCatalog.Model admit(RequestContext context, ChatRequest request) {
    context.failIfServerFaultRequested();
    ModelCatalog.Model model =
        ModelCatalog.find(request.model())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "model_not_found",
                        "The model '"
                            + request.model()
                            + "' does not exist; use one of "
                            + ModelCatalog.all().stream().map(ModelCatalog.Model::name).toList()));
    long retryAfter = quota.tryAcquire(context.tenantId());
    if (retryAfter > 0) {
      LOG.security(
          "quota.exceeded",
          Severity.LOW,
          "Tenant used up its chat completion quota",
          Fields.of("tenant_id", context.tenantId(), "quota", quota.limit()));
      throw ApiException.quotaExceeded(
          "Tenant quota of " + quota.limit() + " chat completions per window is used up",
          retryAfter);
    }
    return model;
  }

  /** Revenue of the tokens used, for paying plans. */
  private void bill(RequestContext context, ModelCatalog.Model model, ProviderResponse response) {
    if (!context.planType().equals("free")) {
      int tokens = response.inputTokens() + response.outputTokens();
      business.trackRevenue(
          context.tenantId(), context.planType(), tokens * model.pricePerThousandTokens() / 1000);
    }
  }
}
