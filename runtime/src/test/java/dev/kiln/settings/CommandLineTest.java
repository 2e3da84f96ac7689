package dev.kiln.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line made from settings: flags, switches, mistakes and the help text. */
class CommandLineTest {
  private static final List<Setting> SETTINGS = List.of(
      new Setting("port", "port", "port", "PORT", "int", "8000", false, false, "Port to listen on"),
      new Setting("requestTimeout", "request-timeout", "requestTimeout", "REQUEST_TIMEOUT", "Duration", "60s", false,
          false, ""),
      new Setting("debug", "debug", "debug", "DEBUG", "boolean", "false", false, false, "Debug mode"),
      new Setting("apiKey", "api-key", "sample.apiKey", "SAMPLE_API_KEY", "String", null, false, true, "The key"));

  private static CommandLine.Parsed parse(String... args) {
    return CommandLine.parse(args, SETTINGS);
  }

  @Test
  void flagsTakeTheNextArgumentOrAnEqualsValue() {
    assertThat(parse("--port", "9000", "--request-timeout=5s", "--api-key", "k"))
        .isEqualTo(new CommandLine.Run(Map.of("port", "9000", "requestTimeout", "5s", "apiKey", "k"), false));
  }

  @Test
  void aListFlagRepeatedAddsToTheListAndAnotherFlagRepeatedIsTheLastValue() {
    List<Setting> settings = new java.util.ArrayList<>(SETTINGS);
    settings.add(new Setting("bind", "bind", "bind", "BIND", "List<String>", "", false, false, "Addresses"));
    assertThat(CommandLine.parse(new String[] {"--bind", "127.0.0.1:8000", "--bind=[::1]:8001", "--port", "1", "--port",
        "2"}, settings))
        .isEqualTo(new CommandLine.Run(Map.of("bind", "127.0.0.1:8000,[::1]:8001", "port", "2"), false));
  }

  @Test
  void switchesStandAloneOrAreNegated() {
    assertThat(parse("--debug", "--port", "1")).isEqualTo(new CommandLine.Run(Map.of("debug", "true", "port", "1"), false));
    assertThat(parse("--port", "1", "--debug")).isEqualTo(new CommandLine.Run(Map.of("debug", "true", "port", "1"), false));
    assertThat(parse("--no-debug")).isEqualTo(new CommandLine.Run(Map.of("debug", "false"), false));
    assertThat(parse("--debug", "off")).isEqualTo(new CommandLine.Run(Map.of("debug", "off"), false));
    assertThat(parse("--print-settings")).isEqualTo(new CommandLine.Run(Map.of(), true));
  }

  private static java.util.List<String> mistakes(String... args) {
    return ((CommandLine.Run) parse(args)).mistakes();
  }

  @Test
  void mistakesSayWhatIsWrong() {
    assertThat(mistakes("--prot", "9000")).containsExactly("unknown flag --prot; --help lists them");
    assertThat(mistakes("--request", "1s")).containsExactly(
        "unknown flag --request (did you mean --request-timeout?); --help lists them");
    assertThat(mistakes("--no-port")).containsExactly("unknown flag --no-port; --help lists them");
    assertThat(mistakes("--port")).containsExactly("--port needs a value (int)");
    assertThat(mistakes("9000")).containsExactly("unexpected argument '9000'; flags look like --port 8000");
    assertThat(parse("-h")).isEqualTo(new CommandLine.Help());
  }

  @Test
  void everyMistakeIsListedAndTheValidFlagsStillParse() {
    CommandLine.Run run = (CommandLine.Run) parse("--prot", "9000", "--debug", "--nope=1", "stray", "--port");
    assertThat(run.mistakes()).containsExactly(
        "unknown flag --prot; --help lists them",
        "unknown flag --nope; --help lists them",
        "unexpected argument 'stray'; flags look like --port 8000",
        "--port needs a value (int)");
    assertThat(run.overrides()).isEqualTo(Map.of("debug", "true"));
  }

  @Test
  void helpShowsTypeDefaultEnvironmentAndDescription() {
    assertThat(CommandLine.help("sample-app", SETTINGS)).isEqualTo("""
        Usage: sample-app [flags]

        Flags:
          --port <int>
              Port to listen on
              default 8000; env PORT, -Dport
          --request-timeout <Duration>
              default 60s; env REQUEST_TIMEOUT, -DrequestTimeout
          --debug
              Debug mode
              default false; env DEBUG, -Ddebug
          --api-key <String>
              The key
              required; env SAMPLE_API_KEY, -Dsample.apiKey; secret
          --print-settings
              Print every setting with where its value came from, then exit
          --help
              Print this help, then exit
        """);
  }
}
