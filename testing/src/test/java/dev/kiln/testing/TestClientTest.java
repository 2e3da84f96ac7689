package dev.kiln.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test client's helpers against a real server: JSON, forms, cookies. */
class TestClientTest {
  record Project(String name, List<String> tags) {}

  @RegisterExtension
  static final KilnExtension KILN = KilnExtension.serve(ClientTestApp::router, s -> s.accessLog(false));

  @Test
  void postsAndReadsJson(TestClient client) {
    TestResponse response = client.postJson("/json", new Project("kiln", List.of("web")));
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    assertThat(response.json(Project.class)).isEqualTo(new Project("kiln", List.of("web")));
    List<Project> list = client.postJson("/json", List.of(new Project("a", List.of()))).json(
        Json.type(List.class, Json.type(Project.class)));
    assertThat(list).containsExactly(new Project("a", List.of()));
  }

  @Test
  void postsForms(TestClient client) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "a b");
    fields.put("slug", "x&y");
    assertThat(client.postForm("/echo", fields).text()).isEqualTo("echo:name=a+b&slug=x%26y");
  }

  @Test
  void keepsCookiesAcrossCalls(TestClient client) {
    assertThat(client.get("/me").text()).isEqualTo("anonymous");
    assertThat(client.send("POST", "/login?user=alice", "").status()).isEqualTo(204);
    assertThat(client.get("/me").text()).isEqualTo("alice");
  }
}
