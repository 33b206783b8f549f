package ai.lyss.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lyss.metrics.aspectj.MonitorApiAspect;
import org.junit.jupiter.api.Test;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

class MonitorApiAspectTest extends MonitorApiContract {

  @Override
  ChatApi monitored(ChatApi target, LyssMetrics metrics) {
    AspectJProxyFactory factory = new AspectJProxyFactory(target);
    factory.addAspect(new MonitorApiAspect(metrics));
    return factory.getProxy();
  }

  /** A class without interface, proxied by subclassing (Spring's CGLIB proxies). */
  public static class ReportService {
    @MonitorApi(value = "reports", method = "GET")
    public String report(String id) {
      return "report " + id;
    }
  }

  @Test
  void classProxiedBySubclassingIsMonitoredToo() {
    AspectJProxyFactory factory = new AspectJProxyFactory(new ReportService());
    factory.setProxyTargetClass(true);
    factory.addAspect(new MonitorApiAspect(metrics));
    ReportService service = factory.getProxy();

    assertThat(service.report("7")).isEqualTo("report 7");
    assertThat(
            Recorded.requests(
                metrics.registry(), "endpoint", "reports", "method", "GET", "status", "200"))
        .isEqualTo(1.0);
  }
}
