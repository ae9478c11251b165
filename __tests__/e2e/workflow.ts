/**
 * Runs an example workflow's action step as GitHub would: the step's `with:` and the action's
 * defaults evaluated as expressions (`${{ secrets.X }}`, `${{ matrix.offer }}`,
 * `${{ fromJSON(needs.list.outputs.offers) }}`, `${{ github.token }}`…), the job's `if:`, its
 * matrix, the event and its payload file, and a GITHUB_TOKEN that may do what the job's
 * `permissions:` say (the GitHub stand-in enforces them). Other steps (checkout, a build, a shell
 * step) are not run: the test gives the workspace they would leave and the outputs they would set.
 *
 * Only the emulator's endpoints are added to the inputs (`authority-host`, `api-base-url`,
 * `product-ingestion-url`), as the examples address the real services.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { REPO_ROOT } from '../helpers/emulator.js'
import type { GitHubApiStandIn, Permissions } from '../helpers/github-api.js'
import { inputs, runAction, type RunOptions, type RunResult } from '../helpers/runner.js'
import type { Session } from './session.js'

const ACTION = 'contoso/marketplace-publish-action@'

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}

interface Job {
  if?: string
  permissions?: Record<string, string>
  strategy?: { matrix?: Record<string, unknown> }
  outputs?: Record<string, string>
  steps: Step[]
}

export interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

export function readWorkflow(name: string): Workflow {
  return parse(readFileSync(join(REPO_ROOT, 'examples/workflows', name), 'utf8')) as Workflow
}

/** What the expressions of a job can read, besides `github` (made from the event). */
export interface ExpressionContext {
  secrets?: Record<string, string>
  vars?: Record<string, string>
  matrix?: Record<string, unknown>
  needs?: Record<string, { outputs: Record<string, string> }>
  steps?: Record<string, { outputs: Record<string, string> }>
}

export interface StepRun extends ExpressionContext {
  workflow: string
  job: string
  /** The event name and its payload (GITHUB_EVENT_PATH). */
  event: { name: string; payload?: Record<string, unknown> }
  /** GITHUB_REF; the event's ref, e.g. `refs/tags/v1.2.3`. */
  ref: string
  sha?: string
  workspace: string
  github: GitHubApiStandIn
  /** The emulator's endpoints (and any test-only input), added to the step's inputs. */
  endpoints: Record<string, string>
  /** More runner environment, e.g. the OIDC request variables. */
  env?: Record<string, string>
  /** What the token may do instead of the job's `permissions:` (a repository that restricts it). */
  permissions?: Permissions
  options?: RunOptions
}

export const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
export const RUN_ID = 7001

/** The `github` context of the expressions, as the runner builds it for the event. */
function githubContext(run: StepRun): Record<string, unknown> {
  return {
    token: run.github.token,
    event: run.event.payload ?? {},
    event_name: run.event.name,
    ref: run.ref,
    ref_name: run.ref.replace(/^refs\/(tags|heads)\//, ''),
    sha: run.sha ?? SHA,
    repository: run.github.repository
  }
}

/** Whether the job runs for this event (its `if:`, evaluated). */
export function jobRuns(run: StepRun): boolean {
  const job = readWorkflow(run.workflow).jobs[run.job]
  if (job.if === undefined) return true
  return Boolean(evaluate(job.if, { ...run, github: githubContext(run) }))
}

/** The values of the job's matrix dimension `key`, its expression evaluated. */
export function matrixValues(run: Omit<StepRun, 'matrix'>, key: string): unknown[] {
  const job = readWorkflow(run.workflow).jobs[run.job]
  const value = job.strategy?.matrix?.[key]
  const evaluated =
    typeof value === 'string' ? interpolate(value, { ...run, github: githubContext(run) }) : value
  if (!Array.isArray(evaluated)) throw new Error(`matrix.${key} is not a list: ${String(value)}`)
  return evaluated
}

/** The job's `outputs:` once its steps set `steps` outputs. */
export function jobOutputs(
  run: StepRun,
  steps: ExpressionContext['steps']
): Record<string, string> {
  const job = readWorkflow(run.workflow).jobs[run.job]
  const context = { ...run, steps, github: githubContext(run) }
  return Object.fromEntries(
    Object.entries(job.outputs ?? {}).map(([name, value]) => [
      name,
      String(interpolate(value, context))
    ])
  )
}

/** Runs the job's step that uses this action, with the token its `permissions:` give. */
export async function runActionStep(run: StepRun): Promise<RunResult> {
  const workflow = readWorkflow(run.workflow)
  const job = workflow.jobs[run.job]
  const step = job.steps.find(s => s.uses?.startsWith(ACTION))
  if (!step) throw new Error(`${run.workflow} job ${run.job} has no step that uses the action`)
  run.github.permissions = run.permissions ?? permissionsOf(job.permissions ?? workflow.permissions)
  const context = { ...run, github: githubContext(run) }
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const values: Record<string, string> = {}
  // The runner gives every input: the step's value, else the action's default, both evaluated.
  for (const [name, input] of Object.entries(action.inputs)) {
    const given = step.with?.[name] ?? input.default
    if (given !== undefined) values[name] = String(interpolate(String(given), context))
  }
  const eventFile = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(eventFile, JSON.stringify(run.event.payload ?? {}))
  return runAction(
    {
      ...inputs({ ...values, ...run.endpoints }),
      GITHUB_EVENT_NAME: run.event.name,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_SHA: run.sha ?? SHA,
      GITHUB_REPOSITORY: run.github.repository,
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: run.github.url,
      ...run.env
    },
    { ...run.options, workspace: run.workspace, ref: run.ref }
  )
}

/**
 * GITHUB_TOKEN's permissions from a `permissions:` block: what it names, and nothing else (when
 * a workflow sets `permissions:`, every scope it leaves out is `none`).
 */
function permissionsOf(block: Record<string, string> | undefined): Permissions {
  if (!block) throw new Error('the example workflows state their permissions')
  return Object.fromEntries(
    Object.entries(block).map(([scope, level]) => [scope, level as 'read' | 'write' | 'none'])
  )
}

type Context = Record<string, unknown>

/**
 * A string with `${{ … }}` parts: a string made of one expression gives its value (a list from
 * fromJSON stays a list); otherwise each part is replaced by its value as text.
 */
export function interpolate(text: string, context: Context): unknown {
  const whole = /^\$\{\{(.*)\}\}$/s.exec(text.trim())
  if (whole && !whole[1].includes('}}')) return evaluate(whole[1], context)
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) =>
    asText(evaluate(expression, context))
  )
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/**
 * The subset of GitHub's expression language the examples use: property paths, string, number
 * and boolean literals, `==`, `!=`, `&&`, `||`, `!`, parentheses and `fromJSON(...)`.
 */
export function evaluate(expression: string, context: Context): unknown {
  const tokens = expression.match(
    /'(?:[^']|'')*'|[A-Za-z_][\w.-]*|\d+(?:\.\d+)?|==|!=|&&|\|\||[!()]/g
  )
  if (!tokens) throw new Error(`empty expression: ${expression}`)
  let at = 0
  const peek = (): string | undefined => tokens[at]
  const next = (): string => tokens[at++]
  const primary = (): unknown => {
    const token = next()
    if (token === '(') {
      const value = or()
      next()
      return value
    }
    if (token === '!') return !primary()
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'")
    if (/^\d/.test(token)) return Number(token)
    if (token === 'true' || token === 'false') return token === 'true'
    if (token === 'fromJSON' || token === 'fromJson') {
      next()
      const value = or()
      next()
      return JSON.parse(String(value))
    }
    return token
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], context)
  }
  const comparison = (): unknown => {
    let left = primary()
    while (peek() === '==' || peek() === '!=') {
      const equal = next() === '=='
      left = equal ? left === primary() : left !== primary()
    }
    return left
  }
  /** `operand (op operand)*`, left to right: `&&` and `||` give an operand, not a boolean. */
  const chain = (op: '&&' | '||', operand: () => unknown) => (): unknown => {
    let left = operand()
    while (peek() === op) {
      next()
      const right = operand()
      left = op === '&&' ? left && right : left || right
    }
    return left
  }
  const and = chain('&&', comparison)
  const or = (): unknown => chain('||', and)()
  const value = or()
  if (at !== tokens.length) throw new Error(`cannot evaluate: ${expression}`)
  return value
}

/**
 * What points a step at the emulator: the repository's secrets (the emulator's app registration),
 * GitHub OIDC from the emulator's test issuer, and its endpoints.
 */
export function emulatorParts(session: Session): Pick<StepRun, 'secrets' | 'endpoints' | 'env'> {
  const { ready } = session.emulator
  return {
    secrets: {
      PARTNER_CENTER_TENANT_ID: ready.tenantId,
      PARTNER_CENTER_CLIENT_ID: ready.clientId
    },
    endpoints: {
      'authority-host': ready.authorityHost,
      'api-base-url': ready.apiBaseUrl,
      'product-ingestion-url': ready.productIngestionUrl,
      // The examples give real budgets; a test that goes wrong should stop sooner.
      'timeout-minutes': '5'
    },
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: ready.oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: ready.oidc.requestToken
    }
  }
}

/**
 * A checkout of the repository the examples are for: examples/marketplace.yml at its root with
 * the files it names, or (`manifestOnly`) the manifest alone, as a scheduled job that builds
 * nothing has it. `edit` changes the manifest first.
 */
export function exampleCheckout(
  options: { manifestOnly?: boolean; edit?: (manifest: ExampleManifest) => void } = {}
): string {
  const root = mkdtempSync(join(tmpdir(), 'e2e-checkout-'))
  const examples = join(REPO_ROOT, 'examples')
  if (!options.manifestOnly) {
    for (const folder of ['apps', 'images', 'listing', 'packages'])
      cpSync(join(examples, folder), join(root, folder), { recursive: true })
  }
  const manifest = parse(readFileSync(join(examples, 'marketplace.yml'), 'utf8')) as ExampleManifest
  options.edit?.(manifest)
  writeFileSync(join(root, 'marketplace.yml'), stringify(manifest))
  return root
}

export interface ExampleManifest {
  version: 1
  offers: Array<Record<string, unknown> & { id: string }>
}
