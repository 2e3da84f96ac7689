package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Router;
import dev.kiln.Url;
import dev.kiln.internal.routing.InMemory;
import dev.kiln.internal.routing.RouteTable;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;

/** An application compiled by a test: its generated router and URL builders, loaded and callable. */
final class GeneratedApp {
  final Compilation compilation;
  final ClassLoader loader;
  final RouteTable router;

  private GeneratedApp(Compilation compilation, String fixture) {
    this.compilation = compilation;
    this.loader = Compilations.classLoader(compilation);
    try {
      @SuppressWarnings("unchecked")
      Supplier<Router> supplier = (Supplier<Router>) loader.loadClass(fixture).getDeclaredConstructor().newInstance();
      this.router = RouteTable.of(supplier.get());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The application a successful compilation produced, created through {@code fixture}. */
  static GeneratedApp of(Compilation compilation, String fixture) {
    return new GeneratedApp(compilation, fixture);
  }

  /** Compiles the sources (which must succeed) and creates the router through {@code fixture}, a {@code Supplier<Router>}. */
  static GeneratedApp compile(String fixture, JavaFileObject... sources) {
    Compilation compilation = Compilations.compile(sources);
    assertThat(compilation.status()).as("%s", compilation.diagnostics()).isEqualTo(Compilation.Status.SUCCESS);
    return new GeneratedApp(compilation, fixture);
  }

  Response call(HttpMethod method, String target) {
    return call(InMemory.of(method, target));
  }

  Response call(Request request) {
    return InMemory.dispatch(router, request).toCompletableFuture().join();
  }

  Response get(String target) {
    return call(HttpMethod.GET, target);
  }

  /** Invokes {@code urlsClass.group1().group2().route(arguments)}. */
  Url urlWith(String urlsClass, String[] path, Object... arguments) {
    try {
      Object target = null;
      Class<?> type = loader.loadClass(urlsClass);
      for (int i = 0; i < path.length; i++) {
        Method method = find(type, path[i], i == path.length - 1 ? arguments.length : 0);
        Object result = method.invoke(target, i == path.length - 1 ? arguments : new Object[0]);
        if (i == path.length - 1) {
          return (Url) result;
        }
        target = result;
        type = result.getClass();
      }
      throw new AssertionError("empty path");
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Method find(Class<?> type, String name, int arity) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == arity)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + "/" + arity + " on " + type));
  }

  /** Calls the generated {@code url(name, params)} of the application's Urls class. */
  Url url(String name, java.util.Map<String, ?> params) {
    try {
      String urls = router.getClass().getName().replaceFirst("Routes$", "Urls");
      return (Url) loader.loadClass(urls).getMethod("url", String.class, java.util.Map.class)
          .invoke(null, name, params);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw (RuntimeException) e.getCause();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  String source(String qualifiedName) {
    return Compilations.generatedSource(compilation, qualifiedName);
  }
}
