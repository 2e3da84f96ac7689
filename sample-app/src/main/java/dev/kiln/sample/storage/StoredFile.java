package dev.kiln.sample.storage;

/** What the sample app keeps of an uploaded file: its name, type, size and SHA-256, not its bytes. */
public record StoredFile(long id, String filename, String contentType, long size, String sha256, String note) {}
