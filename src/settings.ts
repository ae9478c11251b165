/**
 * The action's inputs (or the CLI's flags and environment) as one typed object. Nothing else in
 * src/ reads inputs. Parsing is pure: `parseSettings(read)` takes a reader so the action
 * (`core.getInput`), the CLI (flags + env) and tests share one implementation.
 */
import path from 'node:path'
import { PublishError } from './errors.js'
import type { GitHubContext } from './github/context.js'
import { isValidVersion, VERSION_FORMAT_HINT, versionFromRef } from './manifest/version.js'

export type Target = 'draft' | 'preview' | 'live'

/**
 * What a run does, and what it needs: `publish` the manifest's offers; `follow` the submissions
 * already in flight (promote a ready preview, report where they stand; no version, writes
 * nothing but promotes); `list` the manifest's offers as JSON (no credentials, no request);
 * `check` the manifest and every file it names as a publish would (no credentials, no request).
 * A new mode is one line here (and its runner in publish/run.ts).
 */
export const MODES = {
  publish: { credentials: true },
  follow: { credentials: true },
  list: { credentials: false },
  check: { credentials: false }
} as const satisfies Record<string, { credentials: boolean }>
export type Mode = keyof typeof MODES
export type OnConflict = 'fail' | 'wait'
export type CheckExisting = 'auto' | 'always'

export interface Settings {
  mode: Mode
  /** '' in a mode that needs no credentials when none is given. */
  tenantId: string
  /** '' in a mode that needs no credentials when none is given. */
  clientId: string
  /** Absent when GitHub OIDC is used instead. */
  clientSecret?: string
  /** Audience of the GitHub OIDC token (default `api://AzureADTokenExchange`). */
  oidcAudience: string
  /** Absolute path of the manifest. */
  manifestPath: string
  target: Target
  /** `1.2.3` from the input, else from `refs/tags/v1.2.3`; undefined when neither gives one. */
  version?: string
  /** Offer IDs or globs; empty = every offer in the manifest. */
  offers: string[]
  dryRun: boolean
  wait: boolean
  timeoutMinutes: number
  onConflict: OnConflict
  /** Origin without path, e.g. `https://login.microsoftonline.com`. */
  authorityHost: string
  /** e.g. `https://api.partner.microsoft.com/v1.0/ingestion`. */
  apiBaseUrl: string
  /** The Graph product-ingestion API (SaaS, VM and container offers), e.g. `https://graph.microsoft.com/rp/product-ingestion`. */
  productIngestionUrl: string
  /** Offers published at once (bounded concurrency). */
  concurrency: number
  /** When to list an offer's submissions before creating one (see publish/look-first.ts). */
  checkExisting: CheckExisting
  /** Token for the GitHub API (deployments, releases, pull-request comments); absent: none of those. */
  githubToken?: string
}

/** Reads one raw input by its kebab-case name; '' when not given. */
export type InputReader = (name: string) => string

/** Every input the action reads, by its kebab-case name (action.yml declares exactly these). */
export const INPUT_NAMES = {
  tenantId: 'tenant-id',
  clientId: 'client-id',
  clientSecret: 'client-secret',
  oidcAudience: 'oidc-audience',
  manifest: 'manifest',
  target: 'target',
  version: 'version',
  offers: 'offers',
  dryRun: 'dry-run',
  wait: 'wait',
  timeoutMinutes: 'timeout-minutes',
  onConflict: 'on-conflict',
  authorityHost: 'authority-host',
  apiBaseUrl: 'api-base-url',
  productIngestionUrl: 'product-ingestion-url',
  concurrency: 'concurrency',
  checkExisting: 'check-existing',
  mode: 'mode',
  githubToken: 'github-token'
} as const

export const DEFAULTS = {
  oidcAudience: 'api://AzureADTokenExchange',
  manifest: 'marketplace.yml',
  target: 'preview',
  wait: true,
  dryRun: false,
  /**
   * Just under GitHub-hosted runners' 6-hour job limit: preview creation and certification take
   * hours, and the action should stop on its own budget (and say where it stopped) rather than be
   * killed by the runner. Set it lower with `wait: false` flows or higher on self-hosted runners.
   */
  timeoutMinutes: 340,
  onConflict: 'fail',
  authorityHost: 'https://login.microsoftonline.com',
  apiBaseUrl: 'https://api.partner.microsoft.com/v1.0/ingestion',
  productIngestionUrl: 'https://graph.microsoft.com/rp/product-ingestion',
  concurrency: 4,
  checkExisting: 'auto',
  mode: 'publish'
} as const

/** A week: longer than any runner lets a job live, so larger values are typos. */
const MAX_TIMEOUT_MINUTES = 7 * 24 * 60
const MAX_CONCURRENCY = 16
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Entra accepts a tenant's verified domain in place of its ID (contoso.onmicrosoft.com). */
const TENANT_DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i

/** `workspace` is the repository checkout (GITHUB_WORKSPACE), where relative paths start. */
export function parseSettings(
  read: InputReader,
  github: Pick<GitHubContext, 'ref' | 'eventName'>,
  workspace: string
): Settings {
  const input = (name: string) => read(name).trim()
  const mode = parseChoice(
    INPUT_NAMES.mode,
    input(INPUT_NAMES.mode),
    Object.keys(MODES) as Mode[],
    DEFAULTS.mode
  )
  // A mode without credentials checks them only when they are given.
  const credential = (name: string, parse: (value: string) => string): string => {
    const value = input(name)
    return value === '' && !MODES[mode].credentials ? '' : parse(value)
  }
  // Trimmed like every input: a secret pasted with a trailing newline would fail as AADSTS7000215.
  const clientSecret = input(INPUT_NAMES.clientSecret)
  const githubToken = input(INPUT_NAMES.githubToken)
  const dryRun = parseBoolean(INPUT_NAMES.dryRun, input(INPUT_NAMES.dryRun), DEFAULTS.dryRun)
  if (mode === 'publish' && !dryRun && github.eventName === 'pull_request_target')
    refuseTargetPublish()
  const target = parseChoice(
    INPUT_NAMES.target,
    input(INPUT_NAMES.target),
    ['draft', 'preview', 'live'],
    DEFAULTS.target
  )
  if (mode === 'follow' && target === 'draft') {
    invalid(
      INPUT_NAMES.target,
      'must be preview or live with mode: follow; a draft has no submission to follow',
      `Set ${inputRef(INPUT_NAMES.target)} to how far follow carries the submission: preview, or live (promotes a ready preview).`
    )
  }
  return {
    mode,
    tenantId: credential(INPUT_NAMES.tenantId, parseTenantId),
    clientId: credential(INPUT_NAMES.clientId, value =>
      parseGuid(
        INPUT_NAMES.clientId,
        value,
        'the Application (client) ID of the Entra app registration'
      )
    ),
    clientSecret: clientSecret === '' ? undefined : clientSecret,
    oidcAudience: input(INPUT_NAMES.oidcAudience) || DEFAULTS.oidcAudience,
    manifestPath: path.resolve(workspace, input(INPUT_NAMES.manifest) || DEFAULTS.manifest),
    target,
    version: parseVersion(input(INPUT_NAMES.version), github.ref),
    offers: parseOfferPatterns(read(INPUT_NAMES.offers)),
    dryRun,
    wait: parseBoolean(INPUT_NAMES.wait, input(INPUT_NAMES.wait), DEFAULTS.wait),
    timeoutMinutes: parseTimeout(input(INPUT_NAMES.timeoutMinutes)),
    onConflict: parseChoice(
      INPUT_NAMES.onConflict,
      input(INPUT_NAMES.onConflict),
      ['fail', 'wait'],
      DEFAULTS.onConflict
    ),
    authorityHost: parseAuthorityHost(input(INPUT_NAMES.authorityHost)),
    apiBaseUrl: parseBaseUrl(
      INPUT_NAMES.apiBaseUrl,
      input(INPUT_NAMES.apiBaseUrl),
      DEFAULTS.apiBaseUrl
    ),
    productIngestionUrl: parseBaseUrl(
      INPUT_NAMES.productIngestionUrl,
      input(INPUT_NAMES.productIngestionUrl),
      DEFAULTS.productIngestionUrl
    ),
    concurrency: parseConcurrency(input(INPUT_NAMES.concurrency)),
    checkExisting: parseChoice(
      INPUT_NAMES.checkExisting,
      input(INPUT_NAMES.checkExisting),
      ['auto', 'always'],
      DEFAULTS.checkExisting
    ),
    githubToken: githubToken === '' ? undefined : githubToken
  }
}

/**
 * `pull_request_target` runs with the base repository's secrets and a write token on a pull
 * request's files: a publish there would put an untrusted branch's manifest in the store. A dry
 * run (the plan comment) and follow write nothing from the pull request, so they may run there.
 */
function refuseTargetPublish(): never {
  return invalid(
    INPUT_NAMES.dryRun,
    "must be true on pull_request_target: publishing would use the pull request's manifest and files",
    'Set dry-run: true to post the plan on the pull request, and publish from a push, tag or release of the base repository.'
  )
}

function invalid(name: string, message: string, hint: string): never {
  throw new PublishError('INPUT_INVALID', `Input "${name}" ${message}`, { hint })
}

/**
 * How a message names an input inside a sentence: "the `version` input". Messages open with
 * `Input "version"` (invalid() above); the CLI turns both forms into its flags (cli-args.ts).
 */
export function inputRef(name: string): string {
  return `the \`${name}\` input`
}

function parseTenantId(value: string): string {
  const name = INPUT_NAMES.tenantId
  if (value === '')
    invalid(
      name,
      'is required',
      `Set ${inputRef(name)} to the Directory (tenant) ID of your Entra tenant, e.g. from a repository variable.`
    )
  if (GUID.test(value) || TENANT_DOMAIN.test(value)) return value
  return invalid(
    name,
    `is not a tenant ID: "${value}"`,
    'Use the Directory (tenant) ID, a GUID such as 8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f, or a verified domain such as contoso.onmicrosoft.com.'
  )
}

function parseGuid(name: string, value: string, what: string): string {
  if (value === '') invalid(name, 'is required', `Set ${inputRef(name)} to ${what}.`)
  if (GUID.test(value)) return value
  return invalid(
    name,
    `is not a GUID: "${value}"`,
    `Use ${what}, a GUID such as 5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b (not the app's name or a secret ID).`
  )
}

function parseChoice<T extends string>(
  name: string,
  value: string,
  choices: readonly T[],
  fallback: T
): T {
  if (value === '') return fallback
  if ((choices as readonly string[]).includes(value)) return value as T
  return invalid(
    name,
    `must be one of ${choices.join(', ')}; got "${value}"`,
    `Set ${inputRef(name)} to one of: ${choices.join(', ')} (default ${fallback}).`
  )
}

/** The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  return invalid(
    name,
    `must be true or false; got "${value}"`,
    `Set ${inputRef(name)} to true or false.`
  )
}

function parseVersion(value: string, ref: string | undefined): string | undefined {
  if (value === '') return versionFromRef(ref)
  // A tag name pasted as is (v1.2.3) means the version 1.2.3.
  const version = value.replace(/^v(?=\d)/, '')
  if (isValidVersion(version)) return version
  return invalid(INPUT_NAMES.version, `is not a version: "${value}"`, VERSION_FORMAT_HINT)
}

/**
 * Comma- or newline-separated offer IDs or globs. Commas inside braces belong to the glob
 * (`contoso-{analytics,ops}`), so the split skips them.
 */
function parseOfferPatterns(value: string): string[] {
  const patterns: string[] = []
  let depth = 0
  let current = ''
  for (const char of value) {
    if (char === '{') depth++
    if (char === '}') depth = Math.max(0, depth - 1)
    if ((char === ',' && depth === 0) || char === '\n' || char === '\r') {
      patterns.push(current)
      current = ''
    } else current += char
  }
  patterns.push(current)
  const trimmed = patterns.map(p => p.trim()).filter(p => p !== '')
  for (const pattern of trimmed) {
    if (!/^[A-Za-z0-9_\-*?[\]{},]+$/.test(pattern)) {
      invalid(
        INPUT_NAMES.offers,
        `has an invalid offer ID or glob: "${pattern}"`,
        'List offer IDs or globs (e.g. contoso-*) separated by commas or new lines.'
      )
    }
  }
  return trimmed
}

function parseTimeout(value: string): number {
  if (value === '') return DEFAULTS.timeoutMinutes
  const minutes = Number(value)
  if (Number.isFinite(minutes) && minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES) return minutes
  return invalid(
    INPUT_NAMES.timeoutMinutes,
    `must be a number of minutes above 0 and at most ${MAX_TIMEOUT_MINUTES}; got "${value}"`,
    `Set ${inputRef(INPUT_NAMES.timeoutMinutes)} to the overall time budget, e.g. ${DEFAULTS.timeoutMinutes}.`
  )
}

function parseConcurrency(value: string): number {
  if (value === '') return DEFAULTS.concurrency
  const count = Number(value)
  if (Number.isInteger(count) && count >= 1 && count <= MAX_CONCURRENCY) return count
  return invalid(
    INPUT_NAMES.concurrency,
    `must be a whole number from 1 to ${MAX_CONCURRENCY}; got "${value}"`,
    `Set ${inputRef(INPUT_NAMES.concurrency)} to how many offers to publish at once (default ${DEFAULTS.concurrency}).`
  )
}

/** http(s) URL; plain http is accepted here and refused by the transport unless it is loopback. */
function parseHttpUrl(name: string, value: string): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return invalid(
      name,
      `is not an absolute URL: "${value}"`,
      `Set ${inputRef(name)} to an https:// URL, or leave it empty for the default.`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    invalid(
      name,
      `must be an http(s) URL; got ${url.protocol.replace(':', '')}`,
      `Set ${inputRef(name)} to an https:// URL.`
    )
  }
  if (url.username || url.password || url.search || url.hash) {
    invalid(
      name,
      'must not carry credentials, a query or a fragment',
      `Give ${inputRef(name)} as scheme, host and path only.`
    )
  }
  return url
}

function parseAuthorityHost(value: string): string {
  if (value === '') return DEFAULTS.authorityHost
  const url = parseHttpUrl(INPUT_NAMES.authorityHost, value)
  if (url.pathname !== '/') {
    invalid(
      INPUT_NAMES.authorityHost,
      `must be a host without a path; got "${value}"`,
      `Use the origin only, e.g. ${DEFAULTS.authorityHost}; the tenant is given by ${inputRef(INPUT_NAMES.tenantId)}.`
    )
  }
  return url.origin
}

/** The base URL of an API (api-base-url, product-ingestion-url): scheme, host and path. */
function parseBaseUrl(name: string, value: string, fallback: string): string {
  if (value === '') return fallback
  const url = parseHttpUrl(name, value)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}
