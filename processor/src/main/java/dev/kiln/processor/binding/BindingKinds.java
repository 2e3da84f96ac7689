package dev.kiln.processor.binding;

import java.util.List;

/**
 * Every kind of handler parameter, in the order they are asked to claim one: by type first, then
 * by annotation, then by name. Registering a kind is one line here.
 */
public final class BindingKinds {
  private static final List<BindingKind> KINDS = List.of(
      WholeRequest.KIND,
      RequestBody.KIND,
      FileField.KIND,
      QueryParameter.KIND,
      HeaderValue.KIND,
      CookieValue.KIND,
      FormField.KIND,
      PathParameter.KIND,
      ProvidedValue.KIND);

  private BindingKinds() {}

  public static List<BindingKind> all() {
    return KINDS;
  }

  /** The annotations that say where a parameter comes from: a parameter takes one at most. */
  public static List<String> annotations() {
    return KINDS.stream().map(BindingKind::annotation).filter(a -> a != null).toList();
  }
}
