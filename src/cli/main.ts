/** `hindsight <command>`: dispatches to one module per sub-command, loaded only when used. */

/** Each command module exports `run(args): Promise<number>` (the exit code) and a one-line `summary`. */
interface CommandModule {
  run: (args: string[]) => Promise<number>;
  summary: string;
}

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  validate: () => import("./validate.ts"),
  init: () => import("./init.ts"),
  build: () => import("./build.ts"),
  dev: () => import("./dev.ts"),
  new: () => import("./new.ts"),
  schema: () => import("./schema.ts"),
  actions: () => import("./actions.ts"),
  import: () => import("./import.ts"),
};

async function help(): Promise<string> {
  const lines = ["Usage: hindsight <command> [options]", "", "Commands:"];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const summary = await load().then(
      (m) => m.summary,
      () => "(not available)",
    );
    lines.push(`  ${name.padEnd(10)} ${summary}`);
  }
  lines.push("", "Run `hindsight <command> --help` for the options of a command.");
  return lines.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(await help());
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`hindsight: unknown command "${name}"\n\n${await help()}`);
    return 2;
  }
  const command = await load();
  return command.run(args);
}
