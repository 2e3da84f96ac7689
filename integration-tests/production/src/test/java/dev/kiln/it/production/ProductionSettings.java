package dev.kiln.it.production;

import dev.kiln.ServerSettings;
import dev.kiln.Settings;

/** The server's settings alone, loaded from a map by the tests. */
@Settings
public interface ProductionSettings extends ServerSettings {}
