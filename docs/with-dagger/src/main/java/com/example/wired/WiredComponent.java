package com.example.wired;

import dagger.Component;
import dev.kiln.Router;
import javax.inject.Singleton;

/** The application's object graph: one store, and the route table over it. */
@Singleton
@Component(modules = RoutesModule.class)
public interface WiredComponent {
  Router router();
}
