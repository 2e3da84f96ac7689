package dev.kiln.reload;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads the application's classes from its build output before asking its parent, so a reload gets
 * the new bytes even when the same classes are on the JVM's class path; libraries (Kiln, Netty,
 * Jackson) still come from the parent, once.
 */
final class AppClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  AppClassLoader(String name, URL[] directories, ClassLoader parent) {
    super(name, directories, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null && findResource(name.replace('.', '/') + ".class") != null) {
        loaded = findClass(name);
      }
      if (loaded == null) {
        return super.loadClass(name, resolve);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name); // the app's META-INF/kiln/openapi.json, not a stale copy
    return own != null ? own : super.getResource(name);
  }
}
