/**
 * Reads a command's arguments the same way in every command: `--help` (`-h`) prints the command's help and
 * exits 0; an unknown or malformed option prints what is wrong, then the help, and exits 2.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * The parsed arguments, or the exit code when the command has nothing more to do (help shown, or a usage
 * error printed). `config` is what `parseArgs` takes; its options should include `help: { type: "boolean", short: "h" }`.
 */
export function readArguments<T extends ParseArgsConfig>(
  command: string,
  help: string,
  config: T,
): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    console.error(`hindsight ${command}: ${(error as Error).message}\n\n${help}`);
    return 2;
  }
  if ((parsed.values as Record<string, unknown>)["help"] === true) {
    console.log(help);
    return 0;
  }
  return parsed;
}
