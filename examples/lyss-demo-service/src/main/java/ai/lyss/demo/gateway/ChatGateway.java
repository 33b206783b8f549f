package ai.lyss.demo.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

/** Chat completions: model lookup, tenant quota, then the provider call. */
public final class ChatGateway implements ChatService {

  private final SimulatedModelProvider provider;
  private final TenantQuota quota;
  private final Clock clock;

  /**
   * Creates the gateway.
   *
   * @param provider the model provider
   * @param quota the per-tenant quota
   * @param clock wall clock for the {@code created} field
   */
  public ChatGateway(SimulatedModelProvider provider, TenantQuota quota, Clock clock) {
    this.provider = requireNonNull(provider, "provider");
    this.quota = requireNonNull(quota, "quota");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public ChatCompletion complete(RequestContext context, ChatRequest request) {
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
      throw ApiException.quotaExceeded(
          "Tenant quota of " + quota.limit() + " chat completions per window is used up",
          retryAfter);
    }
    ProviderResponse response;
    try {
      response =
          provider.complete(
              model,
              request.messages(),
              request.maxTokens(),
              context.fault() == RequestContext.Fault.PROVIDER);
    } catch (ProviderException e) {
      throw ApiException.badGateway("Model provider failed: " + e.getMessage());
    }
    return new ChatCompletion(Ids.next("chatcmpl-"), clock.instant().getEpochSecond(), response);
  }
}
