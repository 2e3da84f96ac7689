package shop;

import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.RouteInfo;
import dev.kiln.internal.routing.Endpoint;
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
 * The route table of {@link ShopApp}: 31 routes, matched by specificity.
 *
 * <p>Create it with {@link #create} and hand it to Kiln's server; tests can dispatch to it in
 * memory with {@link InMemory#dispatch}. Generated from the {@code @Route} methods; read, don't edit.
 */
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from shop.ShopApp"
)
public final class ShopAppRoutes implements RouteTable {
  /**
   * {@code GET /items/{slug}}, handled by {@link Catalog#itemBySlug(String)}.
   */
  public static final RouteInfo ITEM_BY_SLUG = new RouteInfo("itemBySlug", HttpMethod.GET, "/items/{slug}",
      "shop.Catalog#itemBySlug(java.lang.String)", true, List.of("slug"), -1, -1);

  /**
   * {@code GET /items/{id:\d+}}, handled by {@link Catalog#item(long)}.
   */
  public static final RouteInfo ITEM = new RouteInfo("item", HttpMethod.GET, "/items/{id:\\d+}",
      "shop.Catalog#item(long)", true, List.of("id"), -1, -1);

  /**
   * {@code GET /items/new}, handled by {@link Catalog#newItem()}.
   */
  public static final RouteInfo GET_ITEMS_NEW = new RouteInfo("", HttpMethod.GET, "/items/new",
      "shop.Catalog#newItem()", true, List.of(), -1, -1);

  /**
   * {@code POST /items}, handled by {@link Catalog#create(Request)}.
   */
  public static final RouteInfo POST_ITEMS = new RouteInfo("", HttpMethod.POST, "/items",
      "shop.Catalog#create(dev.kiln.Request)", true, List.of(), -1, -1);

  /**
   * {@code GET /items}, handled by {@link Catalog#items(Optional, List, Optional)}.
   */
  public static final RouteInfo GET_ITEMS = new RouteInfo("", HttpMethod.GET, "/items",
      "shop.Catalog#items(java.util.Optional, java.util.List, java.util.Optional)", true, List.of(), -1, -1);

  /**
   * {@code GET /files/{name}}, handled by {@link Catalog#file(String)}.
   */
  public static final RouteInfo FILE = new RouteInfo("file", HttpMethod.GET, "/files/{name}",
      "shop.Catalog#file(java.lang.String)", true, List.of("name"), -1, -1);

  /**
   * {@code GET /files/{path:.*}}, handled by {@link Catalog#tree(String)}.
   */
  public static final RouteInfo TREE = new RouteInfo("tree", HttpMethod.GET, "/files/{path:.*}",
      "shop.Catalog#tree(java.lang.String)", true, List.of("path"), -1, -1);

  /**
   * {@code GET /orders/{orderId}}, handled by {@link Catalog#order(long)}.
   */
  public static final RouteInfo ORDER = new RouteInfo("order", HttpMethod.GET, "/orders/{orderId}",
      "shop.Catalog#order(long)", true, List.of("orderId"), -1, -1);

  /**
   * {@code GET /counts/{n}}, handled by {@link Catalog#count(int)}.
   */
  public static final RouteInfo GET_COUNTS_N = new RouteInfo("", HttpMethod.GET, "/counts/{n}",
      "shop.Catalog#count(int)", true, List.of("n"), -1, -1);

  /**
   * {@code GET /ids/{id}}, handled by {@link Catalog#uuid(UUID)}.
   */
  public static final RouteInfo BY_UUID = new RouteInfo("byUuid", HttpMethod.GET, "/ids/{id}",
      "shop.Catalog#uuid(java.util.UUID)", true, List.of("id"), -1, -1);

  /**
   * {@code GET /colors/{color}}, handled by {@link Catalog#color(Catalog.Color)}.
   */
  public static final RouteInfo COLOR = new RouteInfo("color", HttpMethod.GET, "/colors/{color}",
      "shop.Catalog#color(shop.Catalog.Color)", true, List.of("color"), -1, -1);

  /**
   * {@code GET /ratio/{value}}, handled by {@link Catalog#ratio(double)}.
   */
  public static final RouteInfo RATIO = new RouteInfo("ratio", HttpMethod.GET, "/ratio/{value}",
      "shop.Catalog#ratio(double)", true, List.of("value"), -1, -1);

  /**
   * {@code GET /flags/{on}}, handled by {@link Catalog#flag(boolean)}.
   */
  public static final RouteInfo FLAG = new RouteInfo("flag", HttpMethod.GET, "/flags/{on}",
      "shop.Catalog#flag(boolean)", true, List.of("on"), -1, -1);

  /**
   * {@code GET /users/{user}/repos/{repo}}, handled by {@link Catalog#repo(String, String)}.
   */
  public static final RouteInfo REPO = new RouteInfo("repo", HttpMethod.GET, "/users/{user}/repos/{repo}",
      "shop.Catalog#repo(java.lang.String, java.lang.String)", true, List.of("user", "repo"), -1, -1);

  /**
   * {@code GET /users/me}, handled by {@link Catalog#me()}.
   */
  public static final RouteInfo GET_USERS_ME = new RouteInfo("", HttpMethod.GET, "/users/me",
      "shop.Catalog#me()", true, List.of(), -1, -1);

  /**
   * {@code POST /users/{user}}, handled by {@link Catalog#updateUser(String)}.
   */
  public static final RouteInfo POST_USERS_USER = new RouteInfo("", HttpMethod.POST, "/users/{user}",
      "shop.Catalog#updateUser(java.lang.String)", true, List.of("user"), -1, -1);

  /**
   * {@code DELETE /users/{user}}, handled by {@link Catalog#deleteUser(String)}.
   */
  public static final RouteInfo DELETE_USERS_USER = new RouteInfo("", HttpMethod.DELETE, "/users/{user}",
      "shop.Catalog#deleteUser(java.lang.String)", true, List.of("user"), -1, -1);

  /**
   * {@code GET /café}, handled by {@link Catalog#cafe()}.
   */
  public static final RouteInfo CAFE = new RouteInfo("cafe", HttpMethod.GET, "/café",
      "shop.Catalog#cafe()", true, List.of(), -1, -1);

  /**
   * {@code GET /slash/}, handled by {@link Catalog#trailing()}.
   */
  public static final RouteInfo GET_SLASH = new RouteInfo("", HttpMethod.GET, "/slash/",
      "shop.Catalog#trailing()", true, List.of(), -1, -1);

  /**
   * {@code GET /slash}, handled by {@link Catalog#noTrailing()}.
   */
  public static final RouteInfo GET_SLASH_ = new RouteInfo("", HttpMethod.GET, "/slash",
      "shop.Catalog#noTrailing()", true, List.of(), -1, -1);

  /**
   * {@code GET /search}, handled by {@link Catalog#search(String, Optional, boolean)}.
   */
  public static final RouteInfo SEARCH = new RouteInfo("search", HttpMethod.GET, "/search",
      "shop.Catalog#search(java.lang.String, java.util.Optional, boolean)", true, List.of(), -1, -1);

  /**
   * {@code GET /whoami}, handled by {@link Catalog#whoami(String, List, Optional)}.
   */
  public static final RouteInfo GET_WHOAMI = new RouteInfo("", HttpMethod.GET, "/whoami",
      "shop.Catalog#whoami(java.lang.String, java.util.List, java.util.Optional)", true, List.of(), -1, -1);

  /**
   * {@code GET /bytes}, handled by {@link Catalog#bytes()}.
   */
  public static final RouteInfo GET_BYTES = new RouteInfo("", HttpMethod.GET, "/bytes",
      "shop.Catalog#bytes()", true, List.of(), -1, -1);

  /**
   * {@code GET /async}, handled by {@link Catalog#async(String)}.
   */
  public static final RouteInfo GET_ASYNC = new RouteInfo("", HttpMethod.GET, "/async",
      "shop.Catalog#async(java.lang.String)", false, List.of(), -1, -1);

  /**
   * {@code GET /async-json}, handled by {@link Catalog#asyncJson()}.
   */
  public static final RouteInfo GET_ASYNC_JSON = new RouteInfo("", HttpMethod.GET, "/async-json",
      "shop.Catalog#asyncJson()", false, List.of(), -1, -1);

  /**
   * {@code POST /async-void}, handled by {@link Catalog#asyncVoid()}.
   */
  public static final RouteInfo POST_ASYNC_VOID = new RouteInfo("", HttpMethod.POST, "/async-void",
      "shop.Catalog#asyncVoid()", false, List.of(), -1, -1);

  /**
   * {@code GET /fast}, handled by {@link Catalog#fast()}.
   */
  public static final RouteInfo GET_FAST = new RouteInfo("", HttpMethod.GET, "/fast",
      "shop.Catalog#fast()", false, List.of(), -1, -1);

  /**
   * {@code GET /head}, handled by {@link Catalog#headGet()}.
   */
  public static final RouteInfo GET_HEAD = new RouteInfo("", HttpMethod.GET, "/head",
      "shop.Catalog#headGet()", true, List.of(), -1, -1);

  /**
   * {@code HEAD /head}, handled by {@link Catalog#head()}.
   */
  public static final RouteInfo HEAD_HEAD = new RouteInfo("", HttpMethod.HEAD, "/head",
      "shop.Catalog#head()", true, List.of(), -1, -1);

  /**
   * {@code GET /fail}, handled by {@link Catalog#fail()}.
   */
  public static final RouteInfo GET_FAIL = new RouteInfo("", HttpMethod.GET, "/fail",
      "shop.Catalog#fail()", true, List.of(), -1, -1);

  /**
   * {@code GET /}, handled by {@link Catalog#index()}.
   */
  public static final RouteInfo GET = new RouteInfo("", HttpMethod.GET, "/",
      "shop.Catalog#index()", true, List.of(), -1, -1);

  private static final List<RouteInfo> ROUTES = List.of(
    ITEM_BY_SLUG,
    ITEM,
    GET_ITEMS_NEW,
    POST_ITEMS,
    GET_ITEMS,
    FILE,
    TREE,
    ORDER,
    GET_COUNTS_N,
    BY_UUID,
    COLOR,
    RATIO,
    FLAG,
    REPO,
    GET_USERS_ME,
    POST_USERS_USER,
    DELETE_USERS_USER,
    CAFE,
    GET_SLASH,
    GET_SLASH_,
    SEARCH,
    GET_WHOAMI,
    GET_BYTES,
    GET_ASYNC,
    GET_ASYNC_JSON,
    POST_ASYNC_VOID,
    GET_FAST,
    GET_HEAD,
    HEAD_HEAD,
    GET_FAIL,
    GET);

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
  private final Endpoint getItemsNew;

  /**
   * {@link Catalog#create(Request)}
   */
  private final Endpoint postItems;

  /**
   * {@link Catalog#items(Optional, List, Optional)}
   */
  private final Endpoint getItems;

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
  private final Endpoint getCountsN;

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
  private final Endpoint getUsersMe;

  /**
   * {@link Catalog#updateUser(String)}
   */
  private final Endpoint postUsersUser;

  /**
   * {@link Catalog#deleteUser(String)}
   */
  private final Endpoint deleteUsersUser;

  /**
   * {@link Catalog#cafe()}
   */
  private final Endpoint cafe;

  /**
   * {@link Catalog#trailing()}
   */
  private final Endpoint getSlash;

  /**
   * {@link Catalog#noTrailing()}
   */
  private final Endpoint getSlash_;

  /**
   * {@link Catalog#search(String, Optional, boolean)}
   */
  private final Endpoint search;

  /**
   * {@link Catalog#whoami(String, List, Optional)}
   */
  private final Endpoint getWhoami;

  /**
   * {@link Catalog#bytes()}
   */
  private final Endpoint getBytes;

  /**
   * {@link Catalog#async(String)}
   */
  private final Endpoint getAsync;

  /**
   * {@link Catalog#asyncJson()}
   */
  private final Endpoint getAsyncJson;

  /**
   * {@link Catalog#asyncVoid()}
   */
  private final Endpoint postAsyncVoid;

  /**
   * {@link Catalog#fast()}
   */
  private final Endpoint getFast;

  /**
   * {@link Catalog#headGet()}
   */
  private final Endpoint getHead;

  /**
   * {@link Catalog#head()}
   */
  private final Endpoint headHead;

  /**
   * {@link Catalog#fail()}
   */
  private final Endpoint getFail;

  /**
   * {@link Catalog#index()}
   */
  private final Endpoint get;

  /**
   * Answers requests no route matched, behind the global middlewares.
   */
  private final Endpoint fallback;

  private ShopAppRoutes(Catalog catalog) {
    this.itemBySlug = Endpoint.blocking(ITEM_BY_SLUG, request -> Catalog_Endpoints.itemBySlug(catalog, request));
    this.item = Endpoint.blocking(ITEM, request -> Catalog_Endpoints.item(catalog, request));
    this.getItemsNew = Endpoint.blocking(GET_ITEMS_NEW, request -> Catalog_Endpoints.newItem(catalog, request));
    this.postItems = Endpoint.blocking(POST_ITEMS, request -> Catalog_Endpoints.create(catalog, request));
    this.getItems = Endpoint.blocking(GET_ITEMS, request -> Catalog_Endpoints.items(catalog, request));
    this.file = Endpoint.blocking(FILE, request -> Catalog_Endpoints.file(catalog, request));
    this.tree = Endpoint.blocking(TREE, request -> Catalog_Endpoints.tree(catalog, request));
    this.order = Endpoint.blocking(ORDER, request -> Catalog_Endpoints.order(catalog, request));
    this.getCountsN = Endpoint.blocking(GET_COUNTS_N, request -> Catalog_Endpoints.count(catalog, request));
    this.byUuid = Endpoint.blocking(BY_UUID, request -> Catalog_Endpoints.uuid(catalog, request));
    this.color = Endpoint.blocking(COLOR, request -> Catalog_Endpoints.color(catalog, request));
    this.ratio = Endpoint.blocking(RATIO, request -> Catalog_Endpoints.ratio(catalog, request));
    this.flag = Endpoint.blocking(FLAG, request -> Catalog_Endpoints.flag(catalog, request));
    this.repo = Endpoint.blocking(REPO, request -> Catalog_Endpoints.repo(catalog, request));
    this.getUsersMe = Endpoint.blocking(GET_USERS_ME, request -> Catalog_Endpoints.me(catalog, request));
    this.postUsersUser = Endpoint.blocking(POST_USERS_USER, request -> Catalog_Endpoints.updateUser(catalog, request));
    this.deleteUsersUser = Endpoint.blocking(DELETE_USERS_USER, request -> Catalog_Endpoints.deleteUser(catalog, request));
    this.cafe = Endpoint.blocking(CAFE, request -> Catalog_Endpoints.cafe(catalog, request));
    this.getSlash = Endpoint.blocking(GET_SLASH, request -> Catalog_Endpoints.trailing(catalog, request));
    this.getSlash_ = Endpoint.blocking(GET_SLASH_, request -> Catalog_Endpoints.noTrailing(catalog, request));
    this.search = Endpoint.blocking(SEARCH, request -> Catalog_Endpoints.search(catalog, request));
    this.getWhoami = Endpoint.blocking(GET_WHOAMI, request -> Catalog_Endpoints.whoami(catalog, request));
    this.getBytes = Endpoint.blocking(GET_BYTES, request -> Catalog_Endpoints.bytes(catalog, request));
    this.getAsync = Endpoint.nonBlocking(GET_ASYNC, request -> Catalog_Endpoints.async(catalog, request));
    this.getAsyncJson = Endpoint.nonBlocking(GET_ASYNC_JSON, request -> Catalog_Endpoints.asyncJson(catalog, request));
    this.postAsyncVoid = Endpoint.nonBlocking(POST_ASYNC_VOID, request -> Catalog_Endpoints.asyncVoid(catalog, request));
    this.getFast = Endpoint.nonBlocking(GET_FAST, request -> Catalog_Endpoints.fast(catalog, request));
    this.getHead = Endpoint.blocking(GET_HEAD, request -> Catalog_Endpoints.headGet(catalog, request));
    this.headHead = Endpoint.blocking(HEAD_HEAD, request -> Catalog_Endpoints.head(catalog, request));
    this.getFail = Endpoint.blocking(GET_FAIL, request -> Catalog_Endpoints.fail(catalog, request));
    this.get = Endpoint.blocking(GET, Catalog_Endpoints::index);
    this.fallback = Endpoint.UNMATCHED;
  }

  @Override
  public Endpoint fallback(String path) {
    return fallback;
  }

  /**
   * Creates the table with the handler, middleware and interceptor instances its routes call.
   */
  public static ShopAppRoutes create(Catalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    return new ShopAppRoutes(catalog);
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
            return match.found(get); // Catalog#index
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/async":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(getAsync); // Catalog#async
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/async-json":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(getAsyncJson); // Catalog#asyncJson
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/async-void":
        switch (method) {
          case POST:
            return match.found(postAsyncVoid); // Catalog#asyncVoid
          default:
            match.allow(HttpMethod.POST.bit());
        }
        break;
      case "/bytes":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(getBytes); // Catalog#bytes
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
            return match.found(getFail); // Catalog#fail
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/fast":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(getFast); // Catalog#fast
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/head":
        switch (method) {
          case GET:
            return match.found(getHead); // Catalog#headGet
          case HEAD:
            return match.found(headHead); // Catalog#head
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/items":
        switch (method) {
          case POST:
            return match.found(postItems); // Catalog#create
          case GET:
          case HEAD:
            return match.found(getItems); // Catalog#items
          default:
            match.allow(HttpMethod.POST.bit() | HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/items/new":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(getItemsNew); // Catalog#newItem
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
            return match.found(getSlash_); // Catalog#noTrailing
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/slash/":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(getSlash); // Catalog#trailing
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/users/me":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(getUsersMe); // Catalog#me
          default:
            match.allow(HttpMethod.GET.bit() | HttpMethod.HEAD.bit());
        }
        break;
      case "/whoami":
        switch (method) {
          case GET:
          case HEAD:
            return match.found(getWhoami); // Catalog#whoami
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
        return match.found(getCountsN); // Catalog#count
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
          return match.found(postUsersUser); // Catalog#updateUser
        case DELETE:
          return match.found(deleteUsersUser); // Catalog#deleteUser
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
}
