#!/usr/bin/env node
import { AppError } from '../domain/errors.js';
import { CliError } from './api.js';
import { buildProgram } from './program.js';

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    if (err instanceof CliError || err instanceof AppError) {
      console.error(`rapport: ${err instanceof AppError ? err.userMessage : err.message}`);
      process.exit(err instanceof CliError ? err.exitCode : 1);
    }
    console.error(err instanceof Error ? `rapport: ${err.message}` : err);
    process.exit(1);
  });
