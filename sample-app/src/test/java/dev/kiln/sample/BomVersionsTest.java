package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The versions kiln-bom gives applications (this one included, through kiln-app-parent) are the
 * ones Kiln itself is built and tested with in kiln-parent: the BOM cannot inherit them, so they
 * are written twice and kept equal here.
 */
class BomVersionsTest {
  private static Map<String, String> properties(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    Map<String, String> values = new HashMap<>();
    for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals("version")) {
        values.put("project.version", element.getTextContent().strip());
      }
    }
    NodeList sections = project.getElementsByTagName("properties");
    for (int i = 0; i < sections.getLength(); i++) {
      if (sections.item(i).getParentNode() != project) {
        continue; // a profile's
      }
      for (Node child = sections.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element property) {
          values.put(property.getTagName(), property.getTextContent().strip());
        }
      }
    }
    return values;
  }

  @Test
  void theBomPinsWhatKilnIsBuiltWith() throws Exception {
    Map<String, String> parent = properties(Path.of("..", "pom.xml"));
    Map<String, String> bom = properties(Path.of("..", "bom", "pom.xml"));
    assertThat(bom).containsKeys("junit.version", "assertj.version", "jackson.version", "slf4j.version",
        "logback.version", "kiln.version");
    for (Map.Entry<String, String> pin : bom.entrySet()) {
      if (pin.getKey().equals("kiln.version")) {
        continue;
      }
      assertThat(parent.get(pin.getKey())).as("kiln-parent's %s", pin.getKey()).isEqualTo(pin.getValue());
    }
    assertThat(bom.get("kiln.version")).as("the BOM's Kiln version").isEqualTo(parent.get("project.version"));
  }
}
