package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class of a module that Kiln's generated code is named after.
 *
 * <p>For {@code @Application class ProjectsApp}, the processor writes {@code ProjectsAppRoutes} (the
 * dispatch table and its factory) and {@code ProjectsAppUrls} (typed URL builders) next to it, from
 * every {@link Route} of the compilation and of the classes it was compiled against, and the
 * route list and OpenAPI document under {@code META-INF/kiln/}.
 *
 * <pre>{@code
 * @Application
 * public final class ProjectsApp {
 *   public static void main(String[] args) {
 *     Router router = ProjectsAppRoutes.create();   // or builder().projectViews(...).build()
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Application {
  /** The API's title in the generated OpenAPI document; defaults to the class's simple name. */
  String title() default "";

  /** The API's version in the generated OpenAPI document. */
  String version() default "1.0.0";

  /**
   * The class-path folder of the app's static files ({@code src/main/resources/static}). The
   * processor writes {@code <App>Assets} with one constant per file there
   * ({@code CSS_SITE_CSS = "css/site.css"}), so a template or handler that links a file that was
   * deleted or renamed fails to compile.
   */
  String assets() default "static";
}
