package dev.kiln.sample.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The talk's {@code add_project} schema: a name and a slug of 1 to 32 characters, an optional
 * description of up to 255.
 *
 * @param name what the project is called
 * @param slug the project's short name in URLs: lower-case letters, digits and dashes
 * @param description what it is about
 */
public record NewProject(
    @NotBlank @Size(min = 1, max = 32) String name,
    @NotBlank @Size(min = 1, max = 32) @Pattern(regexp = "[a-z0-9-]+", message = "must be lower-case letters, digits and dashes") String slug,
    @Size(max = 255) String description) {}
