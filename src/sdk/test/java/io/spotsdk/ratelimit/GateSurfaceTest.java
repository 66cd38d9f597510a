package io.spotsdk.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Users see only what they should call: the SDK's pipeline acquires and observes through an internal seam. */
class GateSurfaceTest {
  @Test
  void publicMethodsAreTheUsersOnly() {
    Set<String> methods = Arrays.stream(RateLimitGate.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
        .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of("builder", "limits", "bannedUntil", "refusedDuringBan", "toString")), methods);
  }

  @Test
  void noPublicNestedTypeButTheBuilder() {
    Set<String> nested = Arrays.stream(RateLimitGate.class.getDeclaredClasses())
        .filter(c -> Modifier.isPublic(c.getModifiers())).map(Class::getSimpleName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("Builder"), nested);
  }
}
