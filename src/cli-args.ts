/**
 * The command line of `marketplace-publish` (src/cli.ts), read by node:util's parseArgs: one
 * option per action input, with the input's name.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { INPUT_NAMES } from './settings.js'

/** Inputs that are switches: `--dry-run` turns one on, `--no-wait` off. */
const SWITCHES: readonly string[] = [INPUT_NAMES.dryRun, INPUT_NAMES.wait]

export interface CommandLine {
  /** Input values by name, as settings read them: switches as 'true' or 'false'. */
  inputs: Map<string, string>
  /** `--debug` / `--no-debug`; undefined when neither is given. */
  debug?: boolean
  help: boolean
}

export class UsageError extends Error {}

const OPTIONS: ParseArgsOptionsConfig = {
  ...Object.fromEntries(
    Object.values(INPUT_NAMES).map(name => [
      name,
      { type: SWITCHES.includes(name) ? 'boolean' : 'string' }
    ])
  ),
  debug: { type: 'boolean' },
  help: { type: 'boolean' }
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  let values: Record<string, unknown>
  try {
    ;({ values } = parseArgs({ args: [...argv], options: OPTIONS, allowNegative: true }))
  } catch (error) {
    // parseArgs names the option and what is wrong with it (unknown, missing value, stray argument).
    if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_'))
      throw new UsageError((error as Error).message)
    throw error
  }
  const { debug, help, ...inputs } = values
  return {
    inputs: new Map(Object.entries(inputs).map(([name, value]) => [name, String(value)])),
    debug: debug as boolean | undefined,
    help: help === true
  }
}

/** The environment variable an input can come from: `tenant-id` → `MARKETPLACE_TENANT_ID`. */
export function envName(input: string): string {
  return `MARKETPLACE_${input.replace(/-/g, '_').toUpperCase()}`
}
