package dev.kiln.archfixture.b;

/** The other half of a package cycle. */
public final class B {
  public dev.kiln.archfixture.a.A a() {
    return new dev.kiln.archfixture.a.A();
  }
}
