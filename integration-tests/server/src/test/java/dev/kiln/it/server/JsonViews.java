package dev.kiln.it.server;

import dev.kiln.Body;
import dev.kiln.HttpMethod;
import dev.kiln.Route;
import java.time.Instant;
import java.time.LocalDate;

/** JSON written and read by the application's codec: java.time out of the box, and an app's own module. */
public final class JsonViews {
  /** An amount an app may want written its own way ({@link #moneyModule()}). */
  public record Money(long cents, String currency) {}

  public record Event(String name, LocalDate day, Instant at, Money price) {}

  @Route(path = "/json/event")
  public Event event() {
    return new Event("launch", LocalDate.of(2026, 12, 3), Instant.parse("2026-12-03T14:00:00Z"), new Money(1250, "EUR"));
  }

  @Route(method = HttpMethod.POST, path = "/json/price")
  public String price(@Body Event event) {
    return event.price().cents() + " " + event.price().currency() + " on " + event.day();
  }

  /** Writes {@link Money} as {@code "12.50 EUR"} and reads it back. */
  static com.fasterxml.jackson.databind.Module moneyModule() {
    com.fasterxml.jackson.databind.module.SimpleModule module = new com.fasterxml.jackson.databind.module.SimpleModule("money");
    module.addSerializer(Money.class, new com.fasterxml.jackson.databind.JsonSerializer<>() {
      @Override
      public void serialize(Money money, com.fasterxml.jackson.core.JsonGenerator out,
          com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
        out.writeString(String.format(java.util.Locale.ROOT, "%d.%02d %s", money.cents() / 100, money.cents() % 100,
            money.currency()));
      }
    });
    module.addDeserializer(Money.class, new com.fasterxml.jackson.databind.JsonDeserializer<>() {
      @Override
      public Money deserialize(com.fasterxml.jackson.core.JsonParser in,
          com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
        String[] parts = in.getValueAsString().split(" ");
        return new Money(Math.round(Double.parseDouble(parts[0]) * 100), parts[1]);
      }
    });
    return module;
  }
}
