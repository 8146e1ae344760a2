// The `exempt` command line: a thin layer over the engine (exemptions, evaluate, compiler).
//
// Subcommands live in commands/, one module each; to add one, write the module and add one line
// to COMMANDS. `main` never exits the process: it returns the exit code (0 ok, 1 invalid input,
// 2 usage error), so tests can call it directly with captured output.
import { Command, CommanderError } from "commander";
import type { CommandContext, CommandModule } from "./command.js";
import { compileCommand } from "./commands/compile.js";
import { evaluateCommand } from "./commands/evaluate.js";
import { newCommand } from "./commands/new.js";
import { validateCommand } from "./commands/validate.js";
import { EXIT, UsageError, processIO } from "./io.js";
import type { CliIO } from "./io.js";
import { safeText } from "./report.js";

export const COMMANDS: readonly CommandModule[] = [
  validateCommand,
  evaluateCommand,
  newCommand,
  compileCommand,
];

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command("exempt")
    .description("Security exemptions as code for Microsoft Defender for Cloud")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
    })
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", "\nExit codes: 0 ok, 1 invalid input, 2 usage error.");
  // Settings above are inherited by subcommands created after them.
  for (const command of COMMANDS) command.register(program, ctx);
  return program;
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const ctx: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help asked for (--help, `help <command>`) exits 0; `exempt` alone prints help as an error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.err(`exempt: ${safeText(e.message).replace(/\\n/g, "\n  ")}\n`);
      return EXIT.usage;
    }
    // A bug, not bad input: say so plainly instead of a stack trace.
    io.err(`exempt: internal error: ${safeText(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
    return 70;
  }
}
