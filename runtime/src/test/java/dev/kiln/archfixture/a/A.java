package dev.kiln.archfixture.a;

/** Half of a package cycle, for the architecture rules' own test. */
public final class A {
  public dev.kiln.archfixture.b.B b() {
    return new dev.kiln.archfixture.b.B();
  }
}
