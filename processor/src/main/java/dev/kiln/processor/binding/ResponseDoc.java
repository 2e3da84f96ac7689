package dev.kiln.processor.binding;

import dev.kiln.processor.model.DataType;

/** The OpenAPI success response of one route, as its result describes it. */
public interface ResponseDoc {
  /** A response with no content the document can describe. */
  void described(String description);

  /** A string body of {@code mediaType}; {@code contentMediaType} marks bytes, or is {@code null}. */
  void text(String description, String mediaType, String contentMediaType);

  /** A JSON body of {@code data}'s schema. */
  void json(DataType data);
}
