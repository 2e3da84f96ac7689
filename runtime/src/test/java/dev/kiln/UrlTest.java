package dev.kiln;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.internal.routing.InMemory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlTest {
  @Test
  void queryStringsAreBuiltInOrderAndEncoded() {
    Map<String, Object> more = new LinkedHashMap<>();
    more.put("tag", List.of("a b", "c&d"));
    more.put("none", Optional.empty());
    more.put("order", HttpMethod.GET);
    Url url = Url.of("/projects").withQuery("q", "x+y=z").withQuery(more);
    assertThat(url.toString()).isEqualTo("/projects?q=x%2By%3Dz&tag=a%20b&tag=c%26d&order=GET");
    assertThat(url.path()).isEqualTo("/projects");
    assertThat(Url.of("/projects").withQuery("q", "x+y=z")).isNotEqualTo(Url.of("/projects"));
  }

  @Test
  void queryValuesDecodeBackThroughARequest() {
    Url url = Url.of("/s").withQuery("query", "a b+c&d=é");
    assertThat(InMemory.of(HttpMethod.GET, url.toString()).queryParam("query")).isEqualTo("a b+c&d=é");
  }
}
