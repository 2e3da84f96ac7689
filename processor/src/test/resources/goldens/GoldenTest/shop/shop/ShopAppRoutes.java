package shop;

import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.RouteInfo;
import dev.kiln.internal.routing.Endpoint;
import dev.kiln.internal.routing.EndpointChoice;
import dev.kiln.internal.routing.InMemory;
import dev.kiln.internal.routing.RouteMatch;
import dev.kiln.internal.routing.RouteTable;
import dev.kiln.internal.routing.SegmentPattern;
import dev.kiln.internal.routing.Segments;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The route table of {@link ShopApp}: 33 routes, matched by specificity.
 *
 * <p>Make it with {@link #create()} or {@link #builder()} and hand it to Kiln's server.
 * Tests can dispatch to it in memory with {@link InMemory#dispatch}.
 * Generated from the {@code @Route} methods; read, don't edit.
 */
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from shop.ShopApp"
)
public final class ShopAppRoutes implements RouteTable {
  /**
   * {@code GET /items/{slug}}, handled by {@link Catalog#itemBySlug(String)}.
   */
  public static final RouteInfo ITEM_BY_SLUG = RouteInfo.of(HttpMethod.GET, "/items/{slug}", "shop.Catalog#itemBySlug(java.lang.String)")
      .name("itemBySlug")
      .pathParams("slug")
      .blocking()
      .build();

  /**
   * {@code GET /items/{id:\d+}}, handled by {@link Catalog#item(long)}.
   */
  public static final RouteInfo ITEM = RouteInfo.of(HttpMethod.GET, "/items/{id:\\d+}", "shop.Catalog#item(long)")
      .name("item")
      .pathParams("id")
      .blocking()
      .build();

  /**
   * {@code GET /items/new}, handled by {@link Catalog#newItem()}.
   */
  public static final RouteInfo NEW_ITEM = RouteInfo.of(HttpMethod.GET, "/items/new", "shop.Catalog#newItem()")
      .blocking()
      .build();

  /**
   * {@code POST /items}, handled by {@link Catalog#create(Request)}.
   */
  public static final RouteInfo CREATE = RouteInfo.of(HttpMethod.POST, "/items", "shop.Catalog#create(dev.kiln.Request)")
      .blocking()
      .build();

  /**
   * {@code GET /items}, handled by {@link Catalog#items(Optional, List, Optional)}.
   */
  public static final RouteInfo ITEMS = RouteInfo.of(HttpMethod.GET, "/items", "shop.Catalog#items(java.util.Optional, java.util.List, java.util.Optional)")
      .blocking()
      .build();

  /**
   * {@code GET /files/{name}}, handled by {@link Catalog#file(String)}.
   */
  public static final RouteInfo FILE = RouteInfo.of(HttpMethod.GET, "/files/{name}", "shop.Catalog#file(java.lang.String)")
      .name("file")
      .pathParams("name")
      .blocking()
      .build();

  /**
   * {@code GET /files/{path:.*}}, handled by {@link Catalog#tree(String)}.
   */
  public static final RouteInfo TREE = RouteInfo.of(HttpMethod.GET, "/files/{path:.*}", "shop.Catalog#tree(java.lang.String)")
      .name("tree")
      .pathParams("path")
      .blocking()
      .build();

  /**
   * {@code GET /orders/{orderId}}, handled by {@link Catalog#order(long)}.
   */
  public static final RouteInfo ORDER = RouteInfo.of(HttpMethod.GET, "/orders/{orderId}", "shop.Catalog#order(long)")
      .name("order")
      .pathParams("orderId")
      .blocking()
      .build();

  /**
   * {@code GET /counts/{n}}, handled by {@link Catalog#count(int)}.
   */
  public static final RouteInfo COUNT = RouteInfo.of(HttpMethod.GET, "/counts/{n}", "shop.Catalog#count(int)")
      .pathParams("n")
      .blocking()
      .build();

  /**
   * {@code GET /ids/{id}}, handled by {@link Catalog#uuid(UUID)}.
   */
  public static final RouteInfo BY_UUID = RouteInfo.of(HttpMethod.GET, "/ids/{id}", "shop.Catalog#uuid(java.util.UUID)")
      .name("byUuid")
      .pathParams("id")
      .blocking()
      .build();

  /**
   * {@code GET /colors/{color}}, handled by {@link Catalog#color(Catalog.Color)}.
   */
  public static final RouteInfo COLOR = RouteInfo.of(HttpMethod.GET, "/colors/{color}", "shop.Catalog#color(shop.Catalog.Color)")
      .name("color")
      .pathParams("color")
      .blocking()
      .build();

  /**
   * {@code GET /ratio/{value}}, handled by {@link Catalog#ratio(double)}.
   */
  public static final RouteInfo RATIO = RouteInfo.of(HttpMethod.GET, "/ratio/{value}", "shop.Catalog#ratio(double)")
      .name("ratio")
      .pathParams("value")
      .blocking()
      .build();

  /**
   * {@code GET /flags/{on}}, handled by {@link Catalog#flag(boolean)}.
   */
  public static final RouteInfo FLAG = RouteInfo.of(HttpMethod.GET, "/flags/{on}", "shop.Catalog#flag(boolean)")
      .name("flag")
      .pathParams("on")
      .blocking()
      .build();

  /**
   * {@code GET /users/{user}/repos/{repo}}, handled by {@link Catalog#repo(String, String)}.
   */
  public static final RouteInfo REPO = RouteInfo.of(HttpMethod.GET, "/users/{user}/repos/{repo}", "shop.Catalog#repo(java.lang.String, java.lang.String)")
      .name("repo")
      .pathParams("user", "repo")
      .blocking()
      .build();

  /**
   * {@code GET /users/me}, handled by {@link Catalog#me()}.
   */
  public static final RouteInfo ME = RouteInfo.of(HttpMethod.GET, "/users/me", "shop.Catalog#me()")
      .blocking()
      .build();

  /**
   * {@code POST /users/{user}}, handled by {@link Catalog#updateUser(String)}.
   */
  public static final RouteInfo UPDATE_USER = RouteInfo.of(HttpMethod.POST, "/users/{user}", "shop.Catalog#updateUser(java.lang.String)")
      .pathParams("user")
      .blocking()
      .build();

  /**
   * {@code DELETE /users/{user}}, handled by {@link Catalog#deleteUser(String)}.
   */
  public static final RouteInfo DELETE_USER = RouteInfo.of(HttpMethod.DELETE, "/users/{user}", "shop.Catalog#deleteUser(java.lang.String)")
      .pathParams("user")
      .blocking()
      .build();

  /**
   * {@code GET /café}, handled by {@link Catalog#cafe()}.
   */
  public static final RouteInfo CAFE = RouteInfo.of(HttpMethod.GET, "/café", "shop.Catalog#cafe()")
      .name("cafe")
      .blocking()
      .build();

  /**
   * {@code GET /slash/}, handled by {@link Catalog#trailing()}.
   */
  public static final RouteInfo TRAILING = RouteInfo.of(HttpMethod.GET, "/slash/", "shop.Catalog#trailing()")
      .blocking()
      .build();

  /**
   * {@code GET /slash}, handled by {@link Catalog#noTrailing()}.
   */
  public static final RouteInfo NO_TRAILING = RouteInfo.of(HttpMethod.GET, "/slash", "shop.Catalog#noTrailing()")
      .blocking()
      .build();

  /**
   * {@code GET /search}, handled by {@link Catalog#search(String, Optional, boolean)}.
   */
  public static final RouteInfo SEARCH = RouteInfo.of(HttpMethod.GET, "/search", "shop.Catalog#search(java.lang.String, java.util.Optional, boolean)")
      .name("search")
      .blocking()
      .build();

  /**
   * {@code GET /whoami}, handled by {@link Catalog#whoami(String, List, Optional)}.
   */
  public static final RouteInfo WHOAMI = RouteInfo.of(HttpMethod.GET, "/whoami", "shop.Catalog#whoami(java.lang.String, java.util.List, java.util.Optional)")
      .blocking()
      .build();

  /**
   * {@code GET /bytes}, handled by {@link Catalog#bytes()}.
   */
  public static final RouteInfo BYTES = RouteInfo.of(HttpMethod.GET, "/bytes", "shop.Catalog#bytes()")
      .blocking()
      .build();

  /**
   * {@code GET /async}, handled by {@link Catalog#async(String)}.
   */
  public static final RouteInfo ASYNC = RouteInfo.of(HttpMethod.GET, "/async", "shop.Catalog#async(java.lang.String)")
      .build();

  /**
   * {@code GET /async-json}, handled by {@link Catalog#asyncJson()}.
   */
  public static final RouteInfo ASYNC_JSON = RouteInfo.of(HttpMethod.GET, "/async-json", "shop.Catalog#asyncJson()")
      .build();

  /**
   * {@code POST /async-void}, handled by {@link Catalog#asyncVoid()}.
   */
  public static final RouteInfo ASYNC_VOID = RouteInfo.of(HttpMethod.POST, "/async-void", "shop.Catalog#asyncVoid()")
      .build();

  /**
   * {@code GET /fast}, handled by {@link Catalog#fast()}.
   */
  public static final RouteInfo FAST = RouteInfo.of(HttpMethod.GET, "/fast", "shop.Catalog#fast()")
      .build();

  /**
   * {@code GET /head}, handled by {@link Catalog#headGet()}.
   */
  public static final RouteInfo HEAD_GET = RouteInfo.of(HttpMethod.GET, "/head", "shop.Catalog#headGet()")
      .blocking()
      .build();

  /**
   * {@code HEAD /head}, handled by {@link Catalog#head()}.
   */
  public static final RouteInfo HEAD = RouteInfo.of(HttpMethod.HEAD, "/head", "shop.Catalog#head()")
      .blocking()
      .build();

  /**
   * {@code GET /fail}, handled by {@link Catalog#fail()}.
   */
  public static final RouteInfo FAIL = RouteInfo.of(HttpMethod.GET, "/fail", "shop.Catalog#fail()")
      .blocking()
      .build();

  /**
   * {@code GET /report}, handled by {@link Catalog#reportPage()}.
   */
  public static final RouteInfo REPORT_PAGE = RouteInfo.of(HttpMethod.GET, "/report", "shop.Catalog#reportPage()")
      .blocking()
      .produces("text/html")
      .build();

  /**
   * {@code GET /report}, handled by {@link Catalog#report()}.
   */
  public static final RouteInfo REPORT = RouteInfo.of(HttpMethod.GET, "/report", "shop.Catalog#report()")
      .blocking()
      .produces("application/json")
      .build();

  /**
   * {@code GET /}, handled by {@link Catalog#index()}.
   */
  public static final RouteInfo INDEX = RouteInfo.of(HttpMethod.GET, "/", "shop.Catalog#index()")
      .blocking()
      .build();

  private static final List<RouteInfo> ROUTES = List.of(
    ITEM_BY_SLUG,
    ITEM,
    NEW_ITEM,
    CREATE,
    ITEMS,
    FILE,
    TREE,
    ORDER,
    COUNT,
    BY_UUID,
    COLOR,
    RATIO,
    FLAG,
    REPO,
    ME,
    UPDATE_USER,
    DELETE_USER,
    CAFE,
    TRAILING,
    NO_TRAILING,
    SEARCH,
    WHOAMI,
    BYTES,
    ASYNC,
    ASYNC_JSON,
    ASYNC_VOID,
    FAST,
    HEAD_GET,
    HEAD,
    FAIL,
    REPORT_PAGE,
    REPORT,
    INDEX);

  private static final int MAX_PATH_PARAMS = 2;

  private static final SegmentPattern ID_PATTERN = SegmentPattern.compile(0, "\\d+");

  /**
   * The constants of {@link Catalog.Color}, which its path parameters match ignoring case.
   */
  private static final String[] COLOR_NAMES = {"RED", "GREEN"};

  /**
   * {@link Catalog#itemBySlug(String)}
   */
  private final Endpoint itemBySlug;

  /**
   * {@link Catalog#item(long)}
   */
  private final Endpoint item;

  /**
   * {@link Catalog#newItem()}
   */
  private final Endpoint newItem;

  /**
   * {@link Catalog#create(Request)}
   */
  private final Endpoint create;

  /**
   * {@link Catalog#items(Optional, List, Optional)}
   */
  private final Endpoint items;

  /**
   * {@link Catalog#file(String)}
   */
  private final Endpoint file;

  /**
   * {@link Catalog#tree(String)}
   */
  private final Endpoint tree;

  /**
   * {@link Catalog#order(long)}
   */
  private final Endpoint order;

  /**
   * {@link Catalog#count(int)}
   */
  private final Endpoint count;

  /**
   * {@link Catalog#uuid(UUID)}
   */
  private final Endpoint byUuid;

  /**
   * {@link Catalog#color(Catalog.Color)}
   */
  private final Endpoint color;

  /**
   * {@link Catalog#ratio(double)}
   */
  private final Endpoint ratio;

  /**
   * {@link Catalog#flag(boolean)}
   */
  private final Endpoint flag;

  /**
   * {@link Catalog#repo(String, String)}
   */
  private final Endpoint repo;

  /**
   * {@link Catalog#me()}
   */
  private final Endpoint me;

  /**
   * {@link Catalog#updateUser(String)}
   */
  private final Endpoint updateUser;

  /**
   * {@link Catalog#deleteUser(String)}
   */
  private final Endpoint deleteUser;

  /**
   * {@link Catalog#cafe()}
   */
  private final Endpoint cafe;

  /**
   * {@link Catalog#trailing()}
   */
  private final Endpoint trailing;

  /**
   * {@link Catalog#noTrailing()}
   */
  private final Endpoint noTrailing;

  /**
   * {@link Catalog#search(String, Optional, boolean)}
   */
  private final Endpoint search;

  /**
   * {@link Catalog#whoami(String, List, Optional)}
   */
  private final Endpoint whoami;

  /**
   * {@link Catalog#bytes()}
   */
  private final Endpoint bytes;

  /**
   * {@link Catalog#async(String)}
   */
  private final Endpoint async;

  /**
   * {@link Catalog#asyncJson()}
   */
  private final Endpoint asyncJson;

  /**
   * {@link Catalog#asyncVoid()}
   */
  private final Endpoint asyncVoid;

  /**
   * {@link Catalog#fast()}
   */
  private final Endpoint fast;

  /**
   * {@link Catalog#headGet()}
   */
  private final Endpoint headGet;

  /**
   * {@link Catalog#head()}
   */
  private final Endpoint head;

  /**
   * {@link Catalog#fail()}
   */
  private final Endpoint fail;

  /**
   * {@link Catalog#reportPage()}
   */
  private final Endpoint reportPage;

  /**
   * {@link Catalog#report()}
   */
  private final Endpoint report;

  /**
   * {@link Catalog#index()}
   */
  private final Endpoint index;

  /**
   * {@code GET /report}: {@link Catalog#reportPage()}, {@link Catalog#report()}, told apart by their conditions.
   */
  private final EndpointChoice getReportChoice;

  /**
   * Answers requests no route matched, behind the global middlewares.
   */
  private final Endpoint fallback;

  private ShopAppRoutes(Catalog catalog) {
    this.itemBySlug = Endpoint.blocking(ITEM_BY_SLUG, request -> Catalog_Endpoints.itemBySlug(catalog, request));
    this.item = Endpoint.blocking(ITEM, request -> Catalog_Endpoints.item(catalog, request));
    this.newItem = Endpoint.blocking(NEW_ITEM, request -> Catalog_Endpoints.newItem(catalog, request));
    this.create = Endpoint.blocking(CREATE, request -> Catalog_Endpoints.create(catalog, request));
    this.items = Endpoint.blocking(ITEMS, request -> Catalog_Endpoints.items(catalog, request));
    this.file = Endpoint.blocking(FILE, request -> Catalog_Endpoints.file(catalog, request));
    this.tree = Endpoint.blocking(TREE, request -> Catalog_Endpoints.tree(catalog, request));
    this.order = Endpoint.blocking(ORDER, request -> Catalog_Endpoints.order(catalog, request));
    this.count = Endpoint.blocking(COUNT, request -> Catalog_Endpoints.count(catalog, request));
    this.byUuid = Endpoint.blocking(BY_UUID, request -> Catalog_Endpoints.uuid(catalog, request));
    this.color = Endpoint.blocking(COLOR, request -> Catalog_Endpoints.color(catalog, request));
    this.ratio = Endpoint.blocking(RATIO, request -> Catalog_Endpoints.ratio(catalog, request));
    this.flag = Endpoint.blocking(FLAG, request -> Catalog_Endpoints.flag(catalog, request));
    this.repo = Endpoint.blocking(REPO, request -> Catalog_Endpoints.repo(catalog, request));
    this.me = Endpoint.blocking(ME, request -> Catalog_Endpoints.me(catalog, request));
    this.updateUser = Endpoint.blocking(UPDATE_USER, request -> Catalog_Endpoints.updateUser(catalog, request));
    this.deleteUser = Endpoint.blocking(DELETE_USER, request -> Catalog_Endpoints.deleteUser(catalog, request));
    this.cafe = Endpoint.blocking(CAFE, request -> Catalog_Endpoints.cafe(catalog, request));
    this.trailing = Endpoint.blocking(TRAILING, request -> Catalog_Endpoints.trailing(catalog, request));
    this.noTrailing = Endpoint.blocking(NO_TRAILING, request -> Catalog_Endpoints.noTrailing(catalog, request));
    this.search = Endpoint.blocking(SEARCH, request -> Catalog_Endpoints.search(catalog, request));
    this.whoami = Endpoint.blocking(WHOAMI, request -> Catalog_Endpoints.whoami(catalog, request));
    this.bytes = Endpoint.blocking(BYTES, request -> Catalog_Endpoints.bytes(catalog, request));
    this.async = Endpoint.nonBlocking(ASYNC, request -> Catalog_Endpoints.async(catalog, request));
    this.asyncJson = Endpoint.nonBlocking(ASYNC_JSON, request -> Catalog_Endpoints.asyncJson(catalog, request));
    this.asyncVoid = Endpoint.nonBlocking(ASYNC_VOID, request -> Catalog_Endpoints.asyncVoid(catalog, request));
    this.fast = Endpoint.nonBlocking(FAST, request -> Catalog_Endpoints.fast(catalog, request));
    this.headGet = Endpoint.blocking(HEAD_GET, request -> Catalog_Endpoints.headGet(catalog, request));
    this.head = Endpoint.blocking(HEAD, request -> Catalog_Endpoints.head(catalog, request));
    this.fail = Endpoint.blocking(FAIL, request -> Catalog_Endpoints.fail(catalog, request));
    this.reportPage = Endpoint.blocking(REPORT_PAGE, request -> Catalog_Endpoints.reportPage(catalog, request));
    this.report = Endpoint.blocking(REPORT, request -> Catalog_Endpoints.report(catalog, request));
    this.index = Endpoint.blocking(INDEX, Catalog_Endpoints::index);
    this.getReportChoice = EndpointChoice.of(reportPage, report);
    this.fallback = Endpoint.UNMATCHED;
  }

  @Override
  public Endpoint fallback(String path) {
    return fallback;
  }

  /**
   * Creates the table with instances it makes itself: {@code builder().build()}.
   */
  public static ShopAppRoutes create() {
    return builder().build();
  }

  /**
   * Starts a table: set the handler, middleware and interceptor instances its routes call, then
   * {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<RouteInfo> routes() {
    return ROUTES;
  }

  @Override
  public RouteMatch newMatch() {
    return new RouteMatch(MAX_PATH_PARAMS, 1);
  }

  @Override
  public boolean match(HttpMethod method, String path, RouteMatch match) {
    match.reset();
    // Literal paths: one lookup, whatever the number of routes.
    switch (path) {
      case "/":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(index); // Catalog#index
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/async":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(async); // Catalog#async
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/async-json":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(asyncJson); // Catalog#asyncJson
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/async-void":
        switch (method) {
          case POST:
            return match.found(asyncVoid); // Catalog#asyncVoid
          default:
            match.allow(HttpMethod.POST.bit());
        }
        break;
      case "/bytes":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(bytes); // Catalog#bytes
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/caf%C3%A9":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(cafe); // Catalog#cafe
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/fail":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(fail); // Catalog#fail
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/fast":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(fast); // Catalog#fast
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/head":
        switch (method) {
          case GET:
            return match.found(headGet); // Catalog#headGet
          case HEAD:
            return match.found(head); // Catalog#head
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/items":
        switch (method) {
          case POST:
            return match.found(create); // Catalog#create
          case GET:
          case HEAD:
            return match.found(items); // Catalog#items
          default:
            match.allow(HttpMethod.POST.bit() | HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/items/new":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(newItem); // Catalog#newItem
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/report":
        switch (method) {
          case GET:
          case HEAD:
            if (match.choose(getReportChoice)) {
              return true;
            }
            break;
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/search":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(search); // Catalog#search
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/slash":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(noTrailing); // Catalog#noTrailing
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/slash/":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(trailing); // Catalog#trailing
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/users/me":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(me); // Catalog#me
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/whoami":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(whoami); // Catalog#whoami
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
    }
    // Paths with parameters: walk the segments, most specific child first.
    return matchSegments(method, path, 0, match);
  }

  /**
   * Matches what follows the leading {@code /}; {@code end} is where that ended.
   */
  private boolean matchSegments(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    switch (Segments.hash(path, start, next)) {
      case -1354842768: // "colors"
        if (Segments.is(path, start, next, "colors") && matchColors(method, path, next, match)) {
          return true;
        }
        break;
      case -1354575548: // "counts"
        if (Segments.is(path, start, next, "counts") && matchCounts(method, path, next, match)) {
          return true;
        }
        break;
      case -1008770331: // "orders"
        if (Segments.is(path, start, next, "orders") && matchOrders(method, path, next, match)) {
          return true;
        }
        break;
      case 104120: // "ids"
        if (Segments.is(path, start, next, "ids") && matchIds(method, path, next, match)) {
          return true;
        }
        break;
      case 97434231: // "files"
        if (Segments.is(path, start, next, "files") && matchFiles(method, path, next, match)) {
          return true;
        }
        break;
      case 97513095: // "flags"
        if (Segments.is(path, start, next, "flags") && matchFlags(method, path, next, match)) {
          return true;
        }
        break;
      case 100526016: // "items"
        if (Segments.is(path, start, next, "items") && matchItems(method, path, next, match)) {
          return true;
        }
        break;
      case 108285963: // "ratio"
        if (Segments.is(path, start, next, "ratio") && matchRatio(method, path, next, match)) {
          return true;
        }
        break;
      case 111578632: // "users"
        if (Segments.is(path, start, next, "users") && matchUsers(method, path, next, match)) {
          return true;
        }
        break;
    }
    return false;
  }

  /**
   * Matches what follows {@code /colors}; {@code end} is where that ended.
   */
  private boolean matchColors(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (Segments.isOneOf(path, start, next, COLOR_NAMES)) {
      match.capture(0, start, next); // {color}
      if (matchColorsColor(method, path, next, match)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches what follows {@code /colors/{color}}; {@code end} is where that ended.
   */
  private boolean matchColorsColor(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(color); // Catalog#color
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /counts}; {@code end} is where that ended.
   */
  private boolean matchCounts(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (Segments.isInt(path, start, next)) {
      match.capture(0, start, next); // {n}
      if (matchCountsN(method, path, next, match)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches what follows {@code /counts/{n}}; {@code end} is where that ended.
   */
  private boolean matchCountsN(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(count); // Catalog#count
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /files}; {@code end} is where that ended.
   */
  private boolean matchFiles(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (next > start) {
      match.capture(0, start, next); // {name}
      if (matchFilesName(method, path, next, match)) {
        return true;
      }
    }
    match.capture(0, start, path.length()); // {path}
    if (matchFilesPath(method, path, path.length(), match)) {
      return true;
    }
    return false;
  }

  /**
   * Matches what follows {@code /files/{name}}; {@code end} is where that ended.
   */
  private boolean matchFilesName(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(file); // Catalog#file
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /files/{path}}; {@code end} is where that ended.
   */
  private boolean matchFilesPath(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(tree); // Catalog#tree
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /flags}; {@code end} is where that ended.
   */
  private boolean matchFlags(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (Segments.isBoolean(path, start, next)) {
      match.capture(0, start, next); // {on}
      if (matchFlagsOn(method, path, next, match)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches what follows {@code /flags/{on}}; {@code end} is where that ended.
   */
  private boolean matchFlagsOn(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(flag); // Catalog#flag
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /ids}; {@code end} is where that ended.
   */
  private boolean matchIds(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (Segments.isUuid(path, start, next)) {
      match.capture(0, start, next); // {id}
      if (matchIdsId(method, path, next, match)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches what follows {@code /ids/{id}}; {@code end} is where that ended.
   */
  private boolean matchIdsId(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(byUuid); // Catalog#uuid
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /items}; {@code end} is where that ended.
   */
  private boolean matchItems(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (next > start && match.matches(ID_PATTERN, path, start, next) && Segments.isLong(path, start, next)) {
      match.capture(0, start, next); // {id}
      if (matchItemsId(method, path, next, match)) {
        return true;
      }
    }
    if (next > start) {
      match.capture(0, start, next); // {slug}
      if (matchItemsSlug(method, path, next, match)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches what follows {@code /items/{id}}; {@code end} is where that ended.
   */
  private boolean matchItemsId(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(item); // Catalog#item
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /items/{slug}}; {@code end} is where that ended.
   */
  private boolean matchItemsSlug(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(itemBySlug); // Catalog#itemBySlug
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /orders}; {@code end} is where that ended.
   */
  private boolean matchOrders(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (Segments.isLong(path, start, next)) {
      match.capture(0, start, next); // {orderId}
      if (matchOrdersOrderId(method, path, next, match)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches what follows {@code /orders/{orderId}}; {@code end} is where that ended.
   */
  private boolean matchOrdersOrderId(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(order); // Catalog#order
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /ratio}; {@code end} is where that ended.
   */
  private boolean matchRatio(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (Segments.isDecimal(path, start, next)) {
      match.capture(0, start, next); // {value}
      if (matchRatioValue(method, path, next, match)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches what follows {@code /ratio/{value}}; {@code end} is where that ended.
   */
  private boolean matchRatioValue(HttpMethod method, String path, int end, RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(ratio); // Catalog#ratio
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * Matches what follows {@code /users}; {@code end} is where that ended.
   */
  private boolean matchUsers(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (next > start) {
      match.capture(0, start, next); // {user}
      if (matchUsersUser(method, path, next, match)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches what follows {@code /users/{user}}; {@code end} is where that ended.
   */
  private boolean matchUsersUser(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      switch (method) {
        case POST:
          return match.found(updateUser); // Catalog#updateUser
        case DELETE:
          return match.found(deleteUser); // Catalog#deleteUser
        default:
          match.allow(HttpMethod.POST.bit() | HttpMethod.DELETE.bit());
      }
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (Segments.is(path, start, next, "repos") && matchUsersUserRepos(method, path, next, match)) {
      return true;
    }
    return false;
  }

  /**
   * Matches what follows {@code /users/{user}/repos}; {@code end} is where that ended.
   */
  private boolean matchUsersUserRepos(HttpMethod method, String path, int end, RouteMatch match) {
    if (end == path.length()) {
      return false;
    }
    int start = end + 1;
    int next = Segments.end(path, start);
    if (next > start) {
      match.capture(1, start, next); // {repo}
      if (matchUsersUserReposRepo(method, path, next, match)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Matches what follows {@code /users/{user}/repos/{repo}}; {@code end} is where that ended.
   */
  private boolean matchUsersUserReposRepo(HttpMethod method, String path, int end,
      RouteMatch match) {
    if (end != path.length()) {
      return false;
    }
    switch (method) {
      case GET:
      case HEAD:
        return match.found(repo); // Catalog#repo
      default:
        match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
    }
    return false;
  }

  /**
   * The instances a {@link ShopAppRoutes} calls, each set by name.
   */
  public static final class Builder {
    private Catalog catalog;

    private Builder() {
    }

    /**
     * The {@link Catalog} whose {@code @Route} methods serve 33 routes.
     *
     * <p>Optional: without it the table makes one with {@code new Catalog()}.
     */
    public Builder catalog(Catalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * The table, with the instances set and those it makes itself.
     */
    public ShopAppRoutes build() {
      return new ShopAppRoutes(
          catalog != null ? catalog : new Catalog());
    }
  }
}
