package dev.kiln.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's file is read over the properties file, below the environment, and says it was the source. */
class ProfileTest {
  private static final Setting PORT = new Setting("port", "port", "port", "PORT", "int", "8000", false, false, "");
  private static final Setting HOST = new Setting("host", "host", "host", "HOST", "String", "127.0.0.1", false, false, "");
  private static final Setting PROFILE = new Setting("profile", "profile", "profile", "PROFILE", "String", null, true,
      false, "");
  private static final List<Setting> SETTINGS = List.of(PORT, HOST, PROFILE);

  private static SettingsLoader loader(Path directory, Map<String, String> environment, Map<String, String> flags) {
    return new SettingsLoader(SettingsSource.of(Map.of(), environment).file(directory.resolve("application.properties"))
        .overrides(flags), SETTINGS);
  }

  @Test
  void theProfilesFileWinsOverTheBaseFileAndLosesToTheEnvironment(@TempDir Path directory) throws Exception {
    Files.writeString(directory.resolve("application.properties"), "port=7000\nhost=0.0.0.0\nprofile=dev\n");
    Files.writeString(directory.resolve("application-dev.properties"), "port=7001\n");
    Files.writeString(directory.resolve("application-prod.properties"), "port=80\n");

    SettingsLoader fromBaseFile = loader(directory, Map.of(), Map.of());
    assertThat(fromBaseFile.toInt(0)).isEqualTo(7001);
    assertThat(fromBaseFile.string(1)).isEqualTo("0.0.0.0");
    assertThat(fromBaseFile.string(2)).isEqualTo("dev");
    fromBaseFile.finish();
    assertThat(fromBaseFile.sources().get(0)).isEqualTo(directory.resolve("application-dev.properties") + " port");
    assertThat(fromBaseFile.sources().get(1)).isEqualTo(directory.resolve("application.properties") + " host");

    SettingsLoader fromFlag = loader(directory, Map.of("PORT", "9000"), Map.of("profile", "prod"));
    assertThat(fromFlag.toInt(0)).isEqualTo(9000); // the environment still wins over every file
    SettingsLoader prod = loader(directory, Map.of(), Map.of("profile", "prod"));
    assertThat(prod.toInt(0)).isEqualTo(80);
  }

  @Test
  void aProfileWithoutAFileOrWithAPathInItsNameIsASettingsProblem(@TempDir Path directory) throws Exception {
    Files.writeString(directory.resolve("application.properties"), "port=7000\n");
    SettingsLoader typo = loader(directory, Map.of(), Map.of("profile", "prdo"));
    typo.toInt(0);
    assertThatThrownBy(typo::finish).isInstanceOf(SettingsException.class)
        .hasMessage("Invalid setting: profile = \"prdo\" (from --profile): no settings file "
            + directory.resolve("application-prdo.properties") + " for this profile");
    SettingsLoader traversal = loader(directory, Map.of(), Map.of("profile", "../etc/passwd"));
    assertThatThrownBy(traversal::finish).hasMessageContaining("a profile is letters, digits, '-' and '_'");
  }
}
