/**
 * The emulator's command line (`node build/emulator/main.js --help`), read with node:util's
 * parseArgs. Parsing is pure: a bad option throws an OptionError naming it, which main.ts prints
 * as one line before exiting 2.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'

export class OptionError extends Error {}

export const DEFAULT_OPTIONS = {
  port: 8645,
  host: '127.0.0.1',
  faults: '',
  speed: 3600,
  pageSize: 3,
  tokenLifetimeSeconds: 3600,
  etagMismatch: 412 as 412 | 409,
  // The `sv` of every fileSasUri in the recordings.
  sasVersion: '2018-03-28',
  ignoreVersionHeader: false,
  rotateDraftInstances: true,
  keepSubmittedInstances: true,
  /** Check every reply against the spec's response schemas and log mismatches (fidelity runs). */
  checkReplies: false,
  /** Partner Center refuses incomplete offers; `basic` is the way back (submission-completeness.ts). */
  submissionChecks: 'strict' as 'basic' | 'strict',
  quiet: false
}

export type EmulatorOptions = typeof DEFAULT_OPTIONS & {
  /** A seed file (JSON or YAML); the repo's examples/emulator-seed.yml when absent. */
  seedFile?: string
  stateDir?: string
  blobLocation?: string
}

export const USAGE = `Usage: node build/emulator/main.js [options]

Emulates Entra ID, the Partner Center Ingestion API v1 and its blob upload host on this machine.
Prints one JSON ready line on stdout; logs one line per request on stderr.

  --port N                 listen port (default 8645; 0 picks a free one)
  --host HOST              listen address (default 127.0.0.1)
  --seed FILE              seed file, JSON or YAML (default examples/emulator-seed.yml)
  --faults SPEC            fault injection, see emulator/FAULTS.md
  --speed N                divides realistic durations (default 3600)
  --state-dir DIR          load DIR/state.json at start, save it after every write
  --page-size N            items per page of collection replies (default 3)
  --token-lifetime SECS    access token lifetime (default 3600)
  --etag-mismatch 412|409  status for a stale If-Match (default 412)
  --sas-version VERSION    sv of upload SAS URIs (default 2018-03-28)
  --ignore-version-header  the blob front applies the sv's size limits even when a request
                           sends x-ms-version (default: the header's, as recorded)
  --blob-location DIR      keep uploaded blobs on disk instead of in memory
  --no-rotate-drafts       keep draft instance ids after a submission
  --drop-submitted-instances
                           with rotation, the old instance ids a submission lists stop
                           resolving (default: they keep a read-only copy of what was submitted)
  --submission-checks strict|basic
                           strict (default): submissions of incomplete offers (no preview
                           audience, markets, prices, listing fields, ...) fail validation as
                           Partner Center's do; basic: only missing modules and packages fail
  --check-replies          validate replies against the spec, log mismatches
  --quiet                  no request log on stderr
  --help                   this text`

type Option = { field: keyof EmulatorOptions } & (
  { read?: (value: string) => unknown } | { flag: boolean }
)

/** Each option: the field it sets, and how its text becomes the value (or a flag's value). */
const OPTIONS: Record<string, Option> = {
  port: { field: 'port', read: v => integer('--port', v, 0, 65535) },
  host: { field: 'host' },
  seed: { field: 'seedFile' },
  faults: { field: 'faults' },
  speed: { field: 'speed', read: v => positive('--speed', v) },
  'state-dir': { field: 'stateDir' },
  'page-size': { field: 'pageSize', read: v => integer('--page-size', v, 1, 1000) },
  'token-lifetime': { field: 'tokenLifetimeSeconds', read: v => integer('--token-lifetime', v, 1) },
  'etag-mismatch': {
    field: 'etagMismatch',
    read: v => Number(oneOf('--etag-mismatch', v, '412', '409'))
  },
  'sas-version': { field: 'sasVersion', read: sasVersion },
  'blob-location': { field: 'blobLocation' },
  'submission-checks': {
    field: 'submissionChecks',
    read: v => oneOf('--submission-checks', v, 'basic', 'strict')
  },
  'no-rotate-drafts': { field: 'rotateDraftInstances', flag: false },
  'drop-submitted-instances': { field: 'keepSubmittedInstances', flag: false },
  'check-replies': { field: 'checkReplies', flag: true },
  'ignore-version-header': { field: 'ignoreVersionHeader', flag: true },
  quiet: { field: 'quiet', flag: true }
}

const ARGS: ParseArgsOptionsConfig = {
  ...Object.fromEntries(
    Object.entries(OPTIONS).map(([name, o]) => [name, { type: 'flag' in o ? 'boolean' : 'string' }])
  ),
  help: { type: 'boolean', short: 'h' }
}

/** 'help' when --help is present; otherwise the options. Accepts `--name value` and `--name=value`. */
export function parseOptions(argv: readonly string[]): EmulatorOptions | 'help' {
  // Not strict: parseArgs's own errors would not name the argument as given (`--quiet=yes`).
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: ARGS,
    strict: false,
    tokens: true
  })
  if (values.help === true) return 'help'
  const options: Record<string, unknown> = { ...DEFAULT_OPTIONS }
  for (const token of tokens) {
    const unknown = new OptionError(`unknown option ${argv[token.index]} (see --help)`)
    if (token.kind !== 'option' || !Object.hasOwn(OPTIONS, token.name)) throw unknown
    const option = OPTIONS[token.name]
    if ('flag' in option) {
      if (token.value !== undefined) throw unknown
      options[option.field] = option.flag
    } else {
      if (token.value === undefined) throw new OptionError(`${token.rawName} needs a value`)
      options[option.field] = option.read ? option.read(token.value) : token.value
    }
  }
  return options as unknown as EmulatorOptions
}

function oneOf(name: string, value: string, ...allowed: string[]): string {
  if (!allowed.includes(value))
    throw new OptionError(`${name} must be ${allowed.join(' or ')}, got ${value}`)
  return value
}

function sasVersion(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new OptionError(`--sas-version must look like 2018-03-28, got ${value}`)
  return value
}

function integer(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new OptionError(`${name} must be an integer from ${min} to ${max}, got ${value}`)
  return n
}

function positive(name: string, value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0)
    throw new OptionError(`${name} must be a positive number, got ${value}`)
  return n
}
