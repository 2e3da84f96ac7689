package dev.kiln.internal.routing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the processor writes into {@value #PACKAGE} for every handler class: what the
 * application root needs to know about the handler's routes. The root reads every such class, from
 * sources and from the classpath alike, so a partial recompile still yields the complete table
 * (Hilt's aggregation). Not for hand-written code.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AggregatedRoutes {
  /** The package every marker is written to. */
  String PACKAGE = "dev.kiln.aggregated.routes";

  /** The marker format this Kiln writes and reads; a marker of another is rebuilt, not guessed at. */
  int FORMAT = 4;

  /** The marker format it was written in: {@link #FORMAT} for this Kiln. No default, so older markers lack it. */
  int format();

  /** Canonical name of the handler class. */
  String handler();

  /** Canonical name of the generated class holding the routes' binding code. */
  String endpoints();

  /** Whether some route calls an instance method, so the application must supply an instance. */
  boolean needsInstance();

  Entry[] routes();

  /** One route of the handler class. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface Entry {
    String method();

    /** Full path template, group prefix included. */
    String template();

    /** Full route name, group prefix included; empty for none. */
    String name();

    /** The handler method's name. */
    String handlerMethod();

    /** Parameter types for a Javadoc link, e.g. {@code long, Optional}. */
    String parameterTypes();

    /** The binding method's name in {@link #endpoints()}. */
    String binder();

    /** Whether the handler method is static, so the binding method takes no handler instance. */
    boolean staticMethod();

    /** The route group ({@code @Routes(name)}) of the handler class; empty for none. */
    String group();

    /** Canonical names of the middlewares {@code @Use}d on the class and the method. */
    String[] use();

    /** Canonical names of the middlewares {@code @Skip}ped on the class and the method. */
    String[] skip();

    /** {@code @Route(maxBodySize)}: -1 for the server's limit. */
    long maxBodySize();

    /** {@code @Route(timeoutMillis)}: -1 for the server's timeout. */
    long timeoutMillis();

    boolean blocking();

    /**
     * The route's OpenAPI operation and the schemas of the records it names, as JSON written from the
     * handler's source (the root may see only its class file, without Javadoc), in pieces a class
     * file's string constant can hold.
     */
    String[] openApi();

    /** The Java type of each template parameter, in path order. */
    PathParameter[] pathParameters();

    /** The parameters a {@code @Provides} middleware of the chain must hand on. */
    Provision[] provisions() default {};

    /** The query parameters, so the URL builders take the required ones. */
    QueryParameter[] queryParameters() default {};

    /** {@code @Route(host)}, lower-cased. */
    String[] hosts() default {};

    /** {@code @Route(headers)}, each {@code name=value} or {@code name} with the name lower-cased. */
    String[] headers() default {};

    /** {@code @Route(consumes)}, lower-cased. */
    String[] consumes() default {};

    /** {@code @Route(produces)}, lower-cased. */
    String[] produces() default {};

    /** What the generated client sends: the handler's path, query, header and body parameters, in declaration order. */
    ClientParameter[] clientParameters() default {};

    /**
     * What the generated client reads: {@code json:} then the result's type (see {@link ClientParameter#type()}),
     * {@code text}, {@code bytes} or {@code none}; empty when it leaves the route out.
     */
    String clientResult() default "";

    /** Why the generated client leaves the route out, for its Javadoc; empty when it does not. */
    String clientOmitted() default "";
  }

  /** A handler parameter the generated client takes. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface ClientParameter {
    /** Where it goes: {@code path}, {@code query}, {@code header} or {@code body}. */
    String in();

    /** The name on the wire; empty for the body. */
    String name();

    /** The handler parameter's name, which the client method's parameter takes. */
    String parameter();

    /**
     * The declared type, generics included, in the processor's notation: a class as
     * {@code package/Outer.Inner}, so nested classes are never guessed, then {@code <...>} and {@code []}.
     */
    String type();
  }

  /** A query parameter of a route and the Java type of its value. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface QueryParameter {
    /** The name on the wire. */
    String name();

    /** The handler parameter's name, which the URL builder's parameter takes. */
    String parameter();

    /** The value's type, as {@link PathParameter#type()}. */
    String type();

    /** Whether a request without it is a 400 (neither {@code Optional} nor {@code List}). */
    boolean required();
  }

  /** A handler parameter of a provided type. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface Provision {
    /** The parameter's name, for diagnostics. */
    String parameter();

    /** Canonical name of the provided class. */
    String type();
  }

  /** A template parameter and the Java type it binds to. */
  @Retention(RetentionPolicy.CLASS)
  @Target({})
  @interface PathParameter {
    String name();

    /**
     * The parameter's type: a primitive's name or a canonical class name. A name, not a class
     * literal, so a package-private enum is no compile error in the marker's package.
     */
    String type();
  }
}
