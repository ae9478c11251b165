/**
 * The emulator's command line (`node build/emulator/main.js --help`), read with node:util's
 * parseArgs. Parsing is pure: a bad option throws an OptionError naming it, which main.ts prints
 * as one line before exiting 2.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'

export interface EmulatorOptions {
  port: number
  host: string
  /** A seed file (JSON or YAML); the repo's examples/emulator-seed.yml when absent. */
  seedFile?: string
  faults: string
  speed: number
  stateDir?: string
  pageSize: number
  tokenLifetimeSeconds: number
  etagMismatch: 412 | 409
  sasVersion: string
  blobLocation?: string
  rotateDraftInstances: boolean
  keepSubmittedInstances: boolean
  /** Check every reply against the spec's response schemas and log mismatches (fidelity runs). */
  checkReplies: boolean
  submissionChecks: 'basic' | 'strict'
  quiet: boolean
}

export class OptionError extends Error {}

export const DEFAULT_OPTIONS: EmulatorOptions = {
  port: 8645,
  host: '127.0.0.1',
  faults: '',
  speed: 3600,
  pageSize: 3,
  tokenLifetimeSeconds: 3600,
  etagMismatch: 412,
  // The `sv` of every fileSasUri in the recordings.
  sasVersion: '2018-03-28',
  rotateDraftInstances: true,
  keepSubmittedInstances: true,
  checkReplies: false,
  submissionChecks: 'basic',
  quiet: false
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
  --blob-location DIR      keep uploaded blobs on disk instead of in memory
  --no-rotate-drafts       keep draft instance ids after a submission
  --drop-submitted-instances
                           with rotation, the old instance ids a submission lists stop
                           resolving (default: they keep a read-only copy of what was submitted)
  --submission-checks basic|strict
                           strict: submissions of incomplete offers (no preview audience,
                           markets, prices, listing fields, ...) fail validation (default basic)
  --check-replies          validate replies against the spec, log mismatches
  --quiet                  no request log on stderr
  --help                   this text`

/** The options `parseArgs` knows; `--help`/`-h` aside, each maps to a field below. */
const ARGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  faults: { type: 'string' },
  speed: { type: 'string' },
  'state-dir': { type: 'string' },
  'page-size': { type: 'string' },
  'token-lifetime': { type: 'string' },
  'etag-mismatch': { type: 'string' },
  'sas-version': { type: 'string' },
  'blob-location': { type: 'string' },
  'submission-checks': { type: 'string' },
  'no-rotate-drafts': { type: 'boolean' },
  'drop-submitted-instances': { type: 'boolean' },
  'check-replies': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies ParseArgsOptionsConfig

type Values = {
  [name in keyof typeof ARGS]?: (typeof ARGS)[name]['type'] extends 'string' ? string : boolean
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
  for (const token of tokens) {
    const raw = argv[token.index]
    if (token.kind !== 'option' || !Object.hasOwn(ARGS, token.name))
      throw new OptionError(`unknown option ${raw} (see --help)`)
    const expectsValue = ARGS[token.name as keyof typeof ARGS].type === 'string'
    if (!expectsValue && token.value !== undefined)
      throw new OptionError(`unknown option ${raw} (see --help)`)
    if (expectsValue && token.value === undefined)
      throw new OptionError(`${token.rawName} needs a value`)
  }
  const v = values as Values
  const d = DEFAULT_OPTIONS
  return {
    port: v.port === undefined ? d.port : integer('--port', v.port, 0, 65535),
    host: v.host ?? d.host,
    ...(v.seed === undefined ? {} : { seedFile: v.seed }),
    faults: v.faults ?? d.faults,
    speed: v.speed === undefined ? d.speed : positive('--speed', v.speed),
    ...(v['state-dir'] === undefined ? {} : { stateDir: v['state-dir'] }),
    pageSize:
      v['page-size'] === undefined ? d.pageSize : integer('--page-size', v['page-size'], 1, 1000),
    tokenLifetimeSeconds:
      v['token-lifetime'] === undefined
        ? d.tokenLifetimeSeconds
        : integer('--token-lifetime', v['token-lifetime'], 1),
    etagMismatch:
      v['etag-mismatch'] === undefined ? d.etagMismatch : etagStatus(v['etag-mismatch']),
    sasVersion: v['sas-version'] === undefined ? d.sasVersion : sasVersion(v['sas-version']),
    ...(v['blob-location'] === undefined ? {} : { blobLocation: v['blob-location'] }),
    rotateDraftInstances: v['no-rotate-drafts'] !== true,
    keepSubmittedInstances: v['drop-submitted-instances'] !== true,
    checkReplies: v['check-replies'] === true,
    submissionChecks:
      v['submission-checks'] === undefined
        ? d.submissionChecks
        : submissionChecks(v['submission-checks']),
    quiet: v.quiet === true
  }
}

function etagStatus(value: string): 412 | 409 {
  if (value !== '412' && value !== '409')
    throw new OptionError(`--etag-mismatch must be 412 or 409, got ${value}`)
  return value === '412' ? 412 : 409
}

function submissionChecks(value: string): 'basic' | 'strict' {
  if (value !== 'basic' && value !== 'strict')
    throw new OptionError(`--submission-checks must be basic or strict, got ${value}`)
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
