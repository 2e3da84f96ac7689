package dev.kiln.archfixture.internal;

/** An internal type, for the architecture rules' own test. */
public final class Hidden {}
