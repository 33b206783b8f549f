package ai.lyss.boottests;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ordinary Spring Boot application with no Lyss code at all: the Lyss starter of its Boot line
 * is its only Lyss dependency. Built once per Boot line on that line's managed versions. Besides
 * its controller it has a static file ({@code static/css/shop.css}), a webjar ({@code
 * org.webjars.npm:htmx-ext-sse}) and Boot's Hikari pool on H2.
 */
@SpringBootApplication
public class ShopApplication {

  /**
   * Starts the application.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }

  /** The application's one controller. */
  @RestController
  public static class ItemController {

    private final JdbcTemplate jdbc;

    /**
     * Created by Spring.
     *
     * @param jdbc Boot's JdbcTemplate on its (Hikari, H2) DataSource
     */
    public ItemController(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    /**
     * One item.
     *
     * @param id the item id
     * @return the item
     */
    @GetMapping("/items/{id}")
    public Map<String, String> item(@PathVariable("id") String id) {
      return Map.of("id", id, "name", "item " + id);
    }

    /**
     * An item's stock, from the database.
     *
     * @param id the item id (a number)
     * @return the stock
     */
    @GetMapping("/items/{id}/stock")
    public Map<String, Integer> stock(@PathVariable("id") int id) {
      Integer stock = jdbc.queryForObject("SELECT ? * 10", Integer.class, id);
      return Map.of("stock", stock == null ? 0 : stock);
    }

    /**
     * An item whose handler fails: the exception reaches the servlet container, which logs it and
     * answers 500.
     *
     * @param id the item id
     * @return never
     */
    @GetMapping("/items/{id}/fail")
    public Map<String, String> fail(@PathVariable("id") String id) {
      throw new IllegalStateException("item " + id + " cannot be read");
    }
  }
}
