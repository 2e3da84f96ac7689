package com.example.plain;

import dev.kiln.Application;
import dev.kiln.Route;
import dev.kiln.Router;
import dev.kiln.launch.Kiln;
import dev.kiln.server.Server;

/** One route, served by the short main. */
@Application
public final class PlainApp {
  @Route(path = "/", name = "home")
  public String home() {
    return "Hello without a parent";
  }

  public static Router router() {
    return PlainAppRoutes.create();
  }

  public static void main(String[] args) throws Exception {
    Kiln.run(PlainApp.class, args, arguments -> Server.builder(router()));
  }
}
