package io.spotsdk.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user holds, the two clients, hands out only types of packages the module exports: a public method returning
 * a core or internal type (e.g. a caller) would be a seam users could reach on the class path and never compile
 * against on the module path.
 */
class ClientSurfaceTest {
  private static final Set<String> NOT_EXPORTED_PREFIXES = Set.of("io.spotsdk.core", "io.spotsdk.internal");

  @ParameterizedTest
  @ValueSource(classes = {SpotRestClient.class, SpotWsApiClient.class})
  void publicMethodsUseOnlyExportedTypes(Class<?> client) {
    List<String> leaks = new ArrayList<>();
    for (Method m : client.getMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Stream.concat(Stream.of(m.getReturnType()), Stream.of(m.getParameterTypes()))
          .filter(t -> t.getPackage() != null && NOT_EXPORTED_PREFIXES.stream().anyMatch(p -> t.getPackageName().startsWith(p)))
          .forEach(t -> leaks.add(m.getName() + " uses " + t.getName()));
    }
    assertEquals(List.of(), leaks.stream().sorted().collect(Collectors.toList()), client.getSimpleName() + " leaks");
  }
}
