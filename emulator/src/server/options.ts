/**
 * The emulator's command line (`node build/emulator/main.js --help`). Parsing is pure: a bad
 * option throws an OptionError naming it, which main.ts prints as one line before exiting 2.
 */

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
  /** The blob front applies the `sv`'s size limits whatever `x-ms-version` says. */
  ignoreVersionHeader: boolean
  blobLocation?: string
  rotateDraftInstances: boolean
  keepSubmittedInstances: boolean
  /** Check every reply against the spec's response schemas and log mismatches (fidelity runs). */
  checkReplies: boolean
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
  ignoreVersionHeader: false,
  rotateDraftInstances: true,
  keepSubmittedInstances: true,
  checkReplies: false,
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
  --ignore-version-header  the blob front applies the sv's size limits even when a request
                           sends x-ms-version (default: the header's, as recorded)
  --blob-location DIR      keep uploaded blobs on disk instead of in memory
  --no-rotate-drafts       keep draft instance ids after a submission
  --drop-submitted-instances
                           with rotation, the old instance ids a submission lists stop
                           resolving (default: they keep a read-only copy of what was submitted)
  --check-replies          validate replies against the spec, log mismatches
  --quiet                  no request log on stderr
  --help                   this text`

type Setter = (options: EmulatorOptions, value: string) => void

const WITH_VALUE: Record<string, Setter> = {
  '--port': (o, v) => (o.port = integer('--port', v, 0, 65535)),
  '--host': (o, v) => (o.host = v),
  '--seed': (o, v) => (o.seedFile = v),
  '--faults': (o, v) => (o.faults = v),
  '--speed': (o, v) => (o.speed = positive('--speed', v)),
  '--state-dir': (o, v) => (o.stateDir = v),
  '--page-size': (o, v) => (o.pageSize = integer('--page-size', v, 1, 1000)),
  '--token-lifetime': (o, v) => (o.tokenLifetimeSeconds = integer('--token-lifetime', v, 1)),
  '--etag-mismatch': (o, v) => {
    if (v !== '412' && v !== '409')
      throw new OptionError(`--etag-mismatch must be 412 or 409, got ${v}`)
    o.etagMismatch = v === '412' ? 412 : 409
  },
  '--sas-version': (o, v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
      throw new OptionError(`--sas-version must look like 2018-03-28, got ${v}`)
    o.sasVersion = v
  },
  '--blob-location': (o, v) => (o.blobLocation = v)
}

const FLAGS: Record<string, (options: EmulatorOptions) => void> = {
  '--no-rotate-drafts': o => (o.rotateDraftInstances = false),
  '--drop-submitted-instances': o => (o.keepSubmittedInstances = false),
  '--check-replies': o => (o.checkReplies = true),
  '--ignore-version-header': o => (o.ignoreVersionHeader = true),
  '--quiet': o => (o.quiet = true)
}

/** 'help' when --help is present; otherwise the options. Accepts `--name value` and `--name=value`. */
export function parseOptions(argv: readonly string[]): EmulatorOptions | 'help' {
  const options = { ...DEFAULT_OPTIONS }
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]
    if (argument === '--help' || argument === '-h') return 'help'
    const [name, inline] = splitInline(argument)
    if (FLAGS[name] && inline === undefined) {
      FLAGS[name](options)
      continue
    }
    const set = WITH_VALUE[name]
    if (!set) throw new OptionError(`unknown option ${argument} (see --help)`)
    const value = inline ?? argv[++i]
    if (value === undefined) throw new OptionError(`${name} needs a value`)
    set(options, value)
  }
  return options
}

function splitInline(argument: string): [string, string | undefined] {
  const equals = argument.indexOf('=')
  return equals > 0 && argument.startsWith('--')
    ? [argument.slice(0, equals), argument.slice(equals + 1)]
    : [argument, undefined]
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
