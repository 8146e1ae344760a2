#!/usr/bin/env node
// Thin launcher: the CLI is written in TypeScript under engine/cli and compiled to build/ by
// `npm run build` (which `npm ci` runs through the `prepare` script).
import { main } from "../build/engine/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
