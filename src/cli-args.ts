/**
 * The command line of `marketplace-publish` (src/cli.ts), read by node:util's parseArgs: one
 * option per action input, with the input's name, and the mode as an optional first argument
 * (`marketplace-publish check --manifest m.yml` is `--mode check`).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { INPUT_NAMES, MODES } from './settings.js'

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
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowNegative: true,
      allowPositionals: true
    }))
  } catch (error) {
    // parseArgs names the option and what is wrong with it (unknown, missing value, stray argument).
    if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_'))
      throw new UsageError((error as Error).message)
    throw error
  }
  const { debug, help, ...inputs } = values
  const command = commandOf(positionals, inputs[INPUT_NAMES.mode])
  if (command !== undefined) inputs[INPUT_NAMES.mode] = command
  return {
    inputs: new Map(Object.entries(inputs).map(([name, value]) => [name, String(value)])),
    debug: debug as boolean | undefined,
    help: help === true
  }
}

/** The first argument, a mode; `--mode` says the same thing, so both may not disagree. */
function commandOf(positionals: string[], mode: unknown): string | undefined {
  if (positionals.length === 0) return undefined
  const [command, ...extra] = positionals
  const commands = Object.keys(MODES)
  if (!commands.includes(command))
    throw new UsageError(`Unknown command '${command}'; use one of: ${commands.join(', ')}`)
  if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}'`)
  if (mode !== undefined && mode !== command)
    throw new UsageError(`The command '${command}' and --mode ${String(mode)} disagree`)
  return command
}

/** The environment variable an input can come from: `tenant-id` → `MARKETPLACE_TENANT_ID`. */
export function envName(input: string): string {
  return `MARKETPLACE_${input.replace(/-/g, '_').toUpperCase()}`
}

/** Inputs the CLI takes from the environment rather than a flag (a flag ends up in shell history). */
const SECRET_INPUTS: readonly string[] = [INPUT_NAMES.clientSecret, INPUT_NAMES.githubToken]
const KNOWN_INPUTS: readonly string[] = Object.values(INPUT_NAMES)

/**
 * Messages name inputs as the action has them: they open with `Input "version"` and say "the
 * `version` input" inside a sentence (settings.ts inputRef). On the command line they are flags,
 * `--version`, and a secret its variable, `MARKETPLACE_CLIENT_SECRET`.
 */
export function inFlags(text: string): string {
  return text.replace(
    /Input "([a-z-]+)"|the `([a-z-]+)` input/g,
    (whole, a?: string, b?: string) => {
      const name = (a ?? b) as string
      if (!KNOWN_INPUTS.includes(name)) return whole
      return SECRET_INPUTS.includes(name) ? envName(name) : `--${name}`
    }
  )
}
