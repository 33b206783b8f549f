package ai.lyss.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The demo service. Nothing in it wires observability: the starter does, from the class path and
 * {@code application.properties}.
 */
@SpringBootApplication
public class SpringDemoApplication {

  /**
   * Starts the service (port 8080 unless {@code server.port} says otherwise).
   *
   * @param args Spring Boot arguments, for example {@code --server.port=8000}
   */
  public static void main(String[] args) {
    SpringApplication.run(SpringDemoApplication.class, args);
  }
}
