package dev.kiln.settings;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The command line of an application, made from its settings: every setting is a flag
 * ({@code --request-timeout 30s} or {@code --request-timeout=30s}; a boolean alone, {@code --debug},
 * is true and {@code --no-debug} false), plus {@code --help} and {@code --print-settings}. Unknown
 * flags and bad values are errors with exit code 2, all of them reported at once.
 */
public final class CommandLine {
  /** Exit code of a command-line mistake, as getopt-style tools use. */
  public static final int USAGE = 2;

  private CommandLine() {}

  /** What the arguments ask for. */
  public sealed interface Parsed {}

  /**
   * Run with these overrides (by setting name), unless {@code mistakes} lists what is wrong with
   * the arguments: every unknown flag, missing value and stray argument, in order.
   */
  public record Run(Map<String, String> overrides, boolean printSettings, List<String> mistakes) implements Parsed {
    public Run {
      overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
      mistakes = List.copyOf(mistakes);
    }

    public Run(Map<String, String> overrides, boolean printSettings) {
      this(overrides, printSettings, List.of());
    }
  }

  public record Help() implements Parsed {}

  public static Parsed parse(String[] args, List<Setting> settings) {
    Map<String, String> overrides = new LinkedHashMap<>();
    List<String> mistakes = new ArrayList<>();
    boolean print = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new Help();
      }
      if (arg.equals("--print-settings")) {
        print = true;
        continue;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        mistakes.add("unexpected argument '" + arg + "'; flags look like --port 8000");
        continue;
      }
      int equals = arg.indexOf('=');
      String flag = arg.substring(2, equals < 0 ? arg.length() : equals);
      Setting setting = find(settings, flag);
      boolean negated = false;
      if (setting == null && flag.startsWith("no-")) {
        setting = find(settings, flag.substring(3));
        negated = setting != null && setting.isSwitch();
        if (!negated) {
          setting = null;
        }
      }
      if (setting == null) {
        mistakes.add("unknown flag --" + flag + suggestion(flag, settings) + "; --help lists them");
        if (equals < 0 && i + 1 < args.length && !args[i + 1].startsWith("-")) {
          i++; // its value, most likely: not a stray argument of its own
        }
        continue;
      }
      String value;
      if (negated) {
        value = "false";
      } else if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (setting.isSwitch() && (i + 1 == args.length || args[i + 1].startsWith("--"))) {
        value = "true";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        mistakes.add("--" + flag + " needs a value (" + setting.type() + ")");
        continue;
      }
      if (setting.type().startsWith("List<") && overrides.containsKey(setting.name())) {
        value = overrides.get(setting.name()) + "," + value; // --bind a --bind b: a list, as gunicorn repeats -b
      }
      overrides.put(setting.name(), value);
    }
    return new Run(overrides, print, mistakes);
  }

  /**
   * Parses {@code args}, answers {@code --help} and {@code --print-settings}, and loads the
   * settings; for server settings, sets the log format debug mode implies ({@link LogDefaults}).
   * Exits 2 on command-line mistakes or invalid settings (all listed together on stderr, with no
   * stack trace), 0 after help.
   */
  public static <S> S load(String command, String[] args, List<Setting> settings,
      Function<Map<String, String>, S> load, Function<S, String> describe) {
    Parsed parsed = parse(args, settings);
    if (parsed instanceof Help) {
      System.out.print(help(command, settings));
      System.exit(0);
    }
    Run run = (Run) parsed;
    List<String> problems = new ArrayList<>(run.mistakes());
    S loaded = null;
    try {
      loaded = load.apply(run.overrides());
    } catch (SettingsException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      exitWith(System.err, command + ": " + (problems.size() == 1 ? problems.get(0)
          : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
    }
    if (run.printSettings()) {
      System.out.print(describe.apply(loaded));
      System.exit(0);
    }
    if (loaded instanceof dev.kiln.ServerSettings server) {
      LogDefaults.forDebug(server.debug()); // settings come before the first log line
    }
    return loaded;
  }

  private static void exitWith(PrintStream err, String message) {
    err.println(message);
    System.exit(USAGE);
  }

  /** {@code --help}: each flag with its type, default, environment variable and description. */
  public static String help(String command, List<Setting> settings) {
    StringBuilder text = new StringBuilder("Usage: ").append(command).append(" [flags]\n\nFlags:\n");
    for (Setting setting : settings) {
      text.append("  --").append(setting.flag())
          .append(setting.isSwitch() ? "" : " <" + setting.type() + (setting.range().isEmpty() ? "" : " "
              + setting.range()) + ">").append('\n');
      if (!setting.doc().isEmpty()) {
        text.append("      ").append(setting.doc()).append('\n');
      }
      text.append("      ")
          .append(setting.required() ? "required" : setting.defaultValue() == null ? "optional"
              : "default " + setting.show(setting.defaultValue()))
          .append("; env ").append(setting.environment())
          .append(", -D").append(setting.property())
          .append(setting.secret() ? "; secret" : "")
          .append('\n');
    }
    return text.append("  --print-settings\n      Print every setting with where its value came from, then exit\n")
        .append("  --help\n      Print this help, then exit\n").toString();
  }

  private static Setting find(List<Setting> settings, String flag) {
    for (Setting setting : settings) {
      if (setting.flag().equals(flag)) {
        return setting;
      }
    }
    return null;
  }

  private static String suggestion(String flag, List<Setting> settings) {
    for (Setting setting : settings) {
      if (setting.flag().startsWith(flag) || flag.startsWith(setting.flag())) {
        return " (did you mean --" + setting.flag() + "?)";
      }
    }
    return "";
  }
}
