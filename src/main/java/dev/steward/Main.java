package dev.steward;

import dev.steward.app.StewardNode;
import dev.steward.cli.StewardCommand;

/** Entry point of the shaded jar: {@code java -jar steward.jar <command>}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("serve")) {
      StewardNode.warmUp();
    }
    int code = StewardCommand.run(args, System.getenv(), System.out, System.err);
    if (!(args.length > 0 && args[0].equals("serve") && code == 0)) {
      System.exit(code);
    }
  }
}
