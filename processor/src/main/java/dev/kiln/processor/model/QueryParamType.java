package dev.kiln.processor.model;

/**
 * A query parameter of a route in the table, for the URL builders.
 *
 * @param wireName the name in the query string
 * @param value the handler parameter's name and the value's type
 * @param required whether the route answers 400 without it, so its builder must take it
 */
public record QueryParamType(String wireName, PathParamType value, boolean required) {}
