#!/usr/bin/env node
// The `remix` command line: see `remix --help`.
import { renderError } from "./output.js";
import { remixProgram } from "./program.js";

try {
  await remixProgram().parseAsync();
} catch (error) {
  console.error(renderError(error));
  process.exitCode = 1;
}
