package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.Response;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code <App>Templates}: one typed method per class jte generated from a template (here written
 * as jte's Maven plugin writes them), rendering into a buffer as text/html; none for a layout that
 * takes {@code Content}; a call with the wrong types a compile error in the caller.
 */
class TemplatesTest {
  private static final JavaFileObject APP = Compilations.source("""
      package pages;
      @dev.kiln.Application
      public final class PagesApp {}
      """);

  /** What jte's generate goal writes for {@code greeting.jte} with {@code @param String name} and {@code @param int times}. */
  private static final JavaFileObject GREETING = Compilations.source("""
      package gg.jte.generated.precompiled;
      public final class JtegreetingGenerated {
        public static final String JTE_NAME = "greeting.jte";
        public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor,
            String name, int times) {
          jteOutput.writeContent("<p>");
          for (int i = 0; i < times; i++) {
            jteOutput.setContext("p", null);
            jteOutput.writeUserContent(name);
          }
          jteOutput.writeContent("</p>");
        }
      }
      """);

  /** A template in a folder, {@code user/profile-card.jte}. */
  private static final JavaFileObject CARD = Compilations.source("""
      package gg.jte.generated.precompiled.user;
      public final class Jteprofile_cardGenerated {
        public static final String JTE_NAME = "user/profile-card.jte";
        public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor,
            java.util.List<String> lines) {
          jteOutput.writeContent("<div>" + lines.size() + "</div>");
        }
      }
      """);

  /** A layout: it takes the page's Content, so only templates call it. */
  private static final JavaFileObject LAYOUT = Compilations.source("""
      package gg.jte.generated.precompiled;
      public final class JtelayoutGenerated {
        public static final String JTE_NAME = "layout.jte";
        public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor,
            gg.jte.Content content) {
          content.writeTo(jteOutput);
        }
      }
      """);

  private static final JavaFileObject VIEWS = Compilations.source("""
      package pages;
      import dev.kiln.*;
      public final class Views {
        @Route(path = "/greet/{name}")
        public Response greet(String name) { return PagesAppTemplates.greeting(name, 2); }
      }
      """);

  @Test
  void eachTemplateIsATypedMethodThatRendersEscapedHtml() throws Exception {
    Compilation compilation = Compilations.compile(APP, VIEWS, GREETING, CARD, LAYOUT);
    assertThat(compilation).succeeded();
    ClassLoader loader = Compilations.classLoader(compilation);
    Class<?> templates = loader.loadClass("pages.PagesAppTemplates");
    Response page = (Response) templates.getMethod("greeting", String.class, int.class).invoke(null, "<b>", 2);
    assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(page.bodyText()).isEqualTo("<p>&lt;b&gt;&lt;b&gt;</p>");
    Response card = (Response) templates.getMethod("userProfileCard", java.util.List.class)
        .invoke(null, java.util.List.of("a", "b"));
    assertThat(card.bodyText()).isEqualTo("<div>2</div>");
    assertThat(templates.getMethods()).extracting(java.lang.reflect.Method::getName).doesNotContain("layout");
  }

  @Test
  void aCallWithTheWrongTypesFailsTheBuildInTheCaller() {
    JavaFileObject wrong = Compilations.source("""
        package pages;
        import dev.kiln.*;
        public final class Views {
          @Route(path = "/greet/{name}")
          public Response greet(String name) { return PagesAppTemplates.greeting(name, "twice"); }
        }
        """);
    Compilation compilation = Compilations.compile(APP, wrong, GREETING);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("incompatible types: java.lang.String cannot be converted to int").inFile(wrong)
        .onLineContaining("PagesAppTemplates.greeting");
  }

  @Test
  void aTemplateThatLinksARouteThatIsGoneFailsTheBuild() {
    JavaFileObject linking = Compilations.source("""
        package gg.jte.generated.precompiled;
        public final class JtelinksGenerated {
          public static final String JTE_NAME = "links.jte";
          public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor) {
            jteOutput.writeUserContent(pages.PagesAppUrls.removed().toString());
          }
        }
        """);
    Compilation compilation = Compilations.compile(APP, VIEWS, GREETING, linking);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("removed").inFile(linking).onLineContaining("PagesAppUrls.removed()");
  }
}
