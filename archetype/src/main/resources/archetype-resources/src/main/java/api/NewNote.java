package ${package}.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a client sends to add a note: checked before the handler runs, a 422 naming each field otherwise. */
public record NewNote(@NotBlank @Size(max = 80) String title, @Size(max = 2000) String text) {}
