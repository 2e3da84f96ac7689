package dev.kiln.aggregated.applications;

import dev.kiln.internal.routing.AggregatedApplication;
import javax.annotation.processing.Generated;

/**
 * Tells the application's generated route table about {@code shop.ShopApp}.
 */
@AggregatedApplication("shop.ShopApp")
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from shop.ShopApp"
)
public final class shop_ShopApp {
  private shop_ShopApp() {
  }
}
