package ai.lyss.logging.internal;

import java.util.Arrays;

/** The field names already written in one JSON object: a tiny set that never allows a duplicate. */
final class Names {

  private String[] names = new String[16];
  private int size;

  boolean contains(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return true;
      }
    }
    return false;
  }

  void add(String name) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
    }
    names[size++] = name;
  }

  /** {@code name} if unused, else {@code name_2}, {@code name_3}, ...; the result is added. */
  String claim(String name) {
    String candidate = name;
    for (int n = 2; contains(candidate); n++) {
      candidate = name + "_" + n;
    }
    add(candidate);
    return candidate;
  }
}
