package ai.lyss.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The application's own test, unchanged by adding the Lyss starter: its context still starts. */
@SpringBootTest
class ShopApplicationTest {

  @Autowired ShopApplication.ItemController controller;

  @Test
  void controllerReturnsTheItem() {
    assertThat(controller.item("7")).containsEntry("id", "7").containsEntry("name", "item 7");
  }
}
