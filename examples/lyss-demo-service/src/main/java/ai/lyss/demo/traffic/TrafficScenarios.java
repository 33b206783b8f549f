package ai.lyss.demo.traffic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** One randomly chosen user action per call, against the demo's own API. */
final class TrafficScenarios {

  private static final List<String> TENANTS = List.of("acme", "globex", "initech", "umbrella");
  private static final List<String> PLANS = List.of("enterprise", "pro", "free", "pro");
  private static final List<String> MODELS =
      List.of("gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", "deepseek-chat");
  private static final List<String> MESSAGE_TYPES =
      List.of("text", "text", "text", "image", "file");
  private static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"");
  private static final int REMEMBERED = 64;

  private final URI base;
  private final HttpClient client;
  private final SplittableRandom random;
  private final IntConsumer statusSink;
  private final Deque<String[]> conversations = new ArrayDeque<>();
  private final Deque<String[]> sessions = new ArrayDeque<>();

  TrafficScenarios(URI base, @Nullable Long seed, IntConsumer statusSink) {
    this.base = base;
    this.statusSink = statusSink;
    this.random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  void runOne() {
    int roll;
    int tenant;
    synchronized (random) {
      roll = random.nextInt(100);
      // umbrella sends twice as much as the others, so it is the one that meets its quota
      tenant = Math.min(random.nextInt(5), 3);
    }
    try {
      if (roll < 50) {
        chat(tenant, roll < 3 ? "provider" : null, roll < 5 ? "gpt-5-preview" : pick(MODELS));
      } else if (roll < 62) {
        createConversation(tenant);
      } else if (roll < 70) {
        // Now and then a read that is a slow query (the slow_queries search finds it).
        readConversation(roll < 64 ? "slow-db" : null);
      } else if (roll < 82) {
        login(tenant);
      } else if (roll < 90) {
        logout();
      } else if (roll < 94) {
        chat(tenant, "server", pick(MODELS));
      } else if (roll < 97) {
        send("POST", "/v1/chat/completions", TENANTS.get(tenant), null, "{\"model\":");
      } else {
        send("GET", "/v1/models/unknown", TENANTS.get(tenant), null, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      statusSink.accept(-1); // the service is stopping or overloaded; not worth a stack trace
    }
  }

  private void chat(int tenant, @Nullable String fault, String model)
      throws IOException, InterruptedException {
    String body =
        "{\"model\":\""
            + model
            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarise ticket "
            + pickInt(10_000)
            + "\"}]"
            // One chat in three streams its answer (server-sent events, read to the end).
            + (pickInt(3) == 0 ? ",\"stream\":true}" : "}");
    send("POST", "/v1/chat/completions", TENANTS.get(tenant), fault, body);
  }

  private void createConversation(int tenant) throws IOException, InterruptedException {
    String tenantId = TENANTS.get(tenant);
    HttpResponse<String> created =
        send("POST", "/v1/conversations", tenantId, null, "{\"title\":\"Support chat\"}");
    String id = created.statusCode() == 201 ? id(created.body()) : null;
    if (id == null) {
      return;
    }
    remember(conversations, new String[] {tenantId, id});
    send(
        "POST",
        "/v1/conversations/" + id + "/messages",
        tenantId,
        null,
        "{\"type\":\"" + pick(MESSAGE_TYPES) + "\",\"content\":\"Hello there\"}");
  }

  private void readConversation(@Nullable String fault) throws IOException, InterruptedException {
    String[] known = peek(conversations);
    if (known == null) {
      send("GET", "/v1/conversations/conv_missing", TENANTS.get(0), fault, null);
    } else {
      send("GET", "/v1/conversations/" + known[1], known[0], fault, null);
    }
  }

  private void login(int tenant) throws IOException, InterruptedException {
    String tenantId = TENANTS.get(tenant);
    String body = "{\"user_id\":\"user-" + pickInt(50) + "\"}";
    HttpResponse<String> created = send("POST", "/v1/sessions", tenantId, null, body);
    String id = created.statusCode() == 201 ? id(created.body()) : null;
    if (id != null) {
      remember(sessions, new String[] {tenantId, id});
    }
  }

  private void logout() throws IOException, InterruptedException {
    String[] session;
    synchronized (sessions) {
      session = sessions.pollFirst();
    }
    if (session != null) {
      send("DELETE", "/v1/sessions/" + session[1], session[0], null, null);
    }
  }

  private HttpResponse<String> send(
      String method, String path, String tenant, @Nullable String fault, @Nullable String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("X-Tenant-ID", tenant)
            .header("X-Plan-Type", PLANS.get(TENANTS.indexOf(tenant)))
            .header("User-Agent", "lyss-demo-traffic");
    if (fault != null) {
      request.header("X-Demo-Fail", fault);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    statusSink.accept(response.statusCode());
    return response;
  }

  private static @Nullable String id(String json) {
    Matcher m = ID.matcher(json);
    return m.find() ? m.group(1) : null;
  }

  private static void remember(Deque<String[]> deque, String[] entry) {
    synchronized (deque) {
      deque.addLast(entry);
      if (deque.size() > REMEMBERED) {
        deque.removeFirst();
      }
    }
  }

  private static String @Nullable [] peek(Deque<String[]> deque) {
    synchronized (deque) {
      return deque.peekLast();
    }
  }

  private String pick(List<String> values) {
    return values.get(pickInt(values.size()));
  }

  private int pickInt(int bound) {
    synchronized (random) {
      return random.nextInt(bound);
    }
  }
}
