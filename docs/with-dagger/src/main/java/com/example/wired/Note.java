package com.example.wired;

/** A note as the API shows it. */
public record Note(long id, String text) {}
