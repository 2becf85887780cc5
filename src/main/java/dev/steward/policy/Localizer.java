package dev.steward.policy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Copies a policy with its texts translated. The policy is a tree of records, lists, sets, maps and
 * optionals; every string in it whose whole text the translations name is replaced, so a new text
 * field needs no code here. Ids are never translated in practice: the file translates whole
 * sentences and names, not slugs. Stateless.
 */
final class Localizer {
  private Localizer() {}

  static Policy localize(Policy policy, Map<String, String> texts) {
    return (Policy) copy(policy, texts);
  }

  /** Every text of the policy, its translations left out. */
  static Set<String> texts(Policy policy) {
    Set<String> found = new LinkedHashSet<>();
    Map<String, String> recorder =
        new java.util.AbstractMap<>() {
          @Override
          public String getOrDefault(Object key, String fallback) {
            found.add((String) key);
            return fallback;
          }

          @Override
          public Set<Entry<String, String>> entrySet() {
            return Set.of();
          }
        };
    copy(policy, recorder);
    return found;
  }

  private static Object copy(Object value, Map<String, String> texts) {
    if (value instanceof String text) {
      return texts.getOrDefault(text, text);
    }
    if (value instanceof Record record) {
      return copyRecord(record, texts);
    }
    if (value instanceof List<?> list) {
      List<Object> copied = new ArrayList<>(list.size());
      list.forEach(item -> copied.add(copy(item, texts)));
      return List.copyOf(copied);
    }
    if (value instanceof Set<?> set) {
      Set<Object> copied = new LinkedHashSet<>();
      set.forEach(item -> copied.add(copy(item, texts)));
      return Set.copyOf(copied);
    }
    if (value instanceof Map<?, ?> map) {
      // Keys are ids or codes; only the values are text.
      Map<Object, Object> copied = new LinkedHashMap<>();
      map.forEach((key, item) -> copied.put(key, copy(item, texts)));
      return Map.copyOf(copied);
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(item -> copy(item, texts));
    }
    return value;
  }

  private static Record copyRecord(Record record, Map<String, String> texts) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        var accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        Object value = accessor.invoke(record);
        // The translations themselves stay as written.
        values[i] =
            record instanceof Policy && components[i].getName().equals("translations")
                ? value
                : copy(value, texts);
        types[i] = components[i].getType();
      }
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return (Record) canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalStateException(
          "could not translate a " + record.getClass().getSimpleName(), cause);
    }
  }
}
