// The contract between main.ts and a subcommand module. To add a command: write a module under
// commands/ that exports a CommandModule, and add it to the COMMANDS list in main.ts.
import type { Command } from "commander";
import type { CliIO } from "./io.js";

export interface CommandContext {
  readonly io: CliIO;
  /** Record the exit code of the run (the last call wins). */
  readonly setExitCode: (code: number) => void;
}

export interface CommandModule {
  /** Define the subcommand on `program` (name, options, help, action). */
  register(program: Command, ctx: CommandContext): void;
}
