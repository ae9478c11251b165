/**
 * One whole run, shared by the action (src/main.ts) and the CLI (src/cli.ts), which differ only in
 * how inputs are read and where the report goes:
 * settings (an error: report, no request at all) → the token request, sent while the manifest
 * is loaded and checked (issue 3 allows the token before validation; it is the first request, so
 * start-up time counts up to it) → manifest and offer filter (any error: reported first, nothing
 * sent beyond the token) → token outcome (bad credentials fail before any write) → publish every
 * offer → report.
 *
 * Only what the token request needs is imported up front; the report sink (for the action,
 * @actions/core), the manifest loader (yaml, ajv, fast-glob, minimatch), the publish sequence, the
 * uploader and the report renderers are imported once it has left, so Node compiles less code
 * before the first request (ncc emits them as separate chunks beside dist/index.js). Node compiles
 * a chunk as soon as `import()` is called, so none is asked for before the request is on its way.
 */
import type { Clock } from '../clock.js'
import { PublishError } from '../errors.js'
import { createTokenProvider } from '../auth/token-provider.js'
import { redact } from '../http/redact.js'
import type { TransportOptions } from '../http/transport.js'
import type { Transport } from '../http/types.js'
import type { Manifest } from '../manifest/model.js'
import type { ReportSink } from '../report/sink.js'
import { parseSettings, type InputReader, type Settings } from '../settings.js'
import { toResultErrors } from './errors.js'
import type { OfferResult, ResultError } from './result.js'

export interface RunDeps {
  read: InputReader
  /**
   * Where the report goes. Loaded once the token request has left: the action's sink is
   * @actions/core, which that request does not need, and `import()` compiles a chunk at once.
   */
  loadSink: () => Promise<ReportSink>
  clock: Clock
  env: NodeJS.ProcessEnv
  cwd: string
  /** Aborted on SIGINT/SIGTERM by the entry point: no new write starts, waits stop. */
  signal: AbortSignal
  /** Aborts HTTP calls in flight (after a grace period); `signal` when absent. */
  requestSignal?: AbortSignal
  createTransport: (options: TransportOptions) => Transport
  /** GitHub's OIDC token for an audience (tests); `core.getIDToken` when absent. */
  getIdToken?: (audience: string) => Promise<string>
}

/** Files uploaded at once within one offer. The evidence gives no limit; 4 keeps memory modest. */
const UPLOAD_CONCURRENCY = 4

/** What a run got to, for the report: filled in step by step, so a failure reports what it has. */
interface RunState {
  settings?: Settings
  transport?: Transport
  offers: OfferResult[]
  runErrors: ResultError[]
}

/** Resolves with the process exit code: 0 success, 1 failure, 2 invalid settings (the CLI's usage error). */
export async function runPublish(deps: RunDeps): Promise<number> {
  const startedAt = deps.clock.now()
  const workspace = deps.env.GITHUB_WORKSPACE || deps.cwd
  const state: RunState = { offers: [], runErrors: [] }
  let loading: Promise<ReportSink> | undefined
  const loadSink = () => (loading ??= deps.loadSink())
  try {
    await publishRun(deps, state, startedAt, workspace, loadSink)
  } catch (error) {
    state.runErrors = toResultErrors(error)
    const sink = await loadSink()
    // A bug's stack helps only whoever debugs it: shown with debug logging on, redacted.
    if (error instanceof Error && !(error instanceof PublishError) && error.stack && sink.isDebug())
      sink.debug(redact(error.stack))
  }

  const [sink, { report }] = await Promise.all([loadSink(), import('../report/report.js')])
  await report(sink, {
    dryRun: state.settings?.dryRun ?? false,
    target: state.settings?.target ?? 'preview',
    status: 'failed',
    offers: state.offers,
    runErrors: state.runErrors,
    counts: state.transport?.counts(),
    workspace
  })
  if (state.runErrors.some(e => e.code === 'INPUT_INVALID')) return 2
  return state.runErrors.length || state.offers.some(o => o.status === 'failed') ? 1 : 0
}

async function publishRun(
  deps: RunDeps,
  state: RunState,
  startedAt: number,
  workspace: string,
  loadSink: () => Promise<ReportSink>
): Promise<void> {
  const { clock } = deps
  const settings = parseSettings(deps.read, deps.env, deps.cwd)
  state.settings = settings

  const deadline = startedAt + settings.timeoutMinutes * 60_000
  // The token request's debug lines can come before the sink has loaded: kept, in order, until then.
  const early: string[] = []
  let debug = (line: string): void => void early.push(line)
  const requestSignal = deps.requestSignal ?? deps.signal
  const transport = deps.createTransport({
    clock,
    signal: requestSignal,
    deadline,
    log: line => debug(line)
  })
  state.transport = transport
  const tokens = createTokenProvider({
    settings,
    transport,
    clock,
    env: deps.env,
    getIdToken: deps.getIdToken
  })
  const token = tokens.getToken()
  // Awaited below, after the manifest: its problems are what the user must fix first.
  token.catch(() => undefined)
  // Loading the manifest is CPU work (module compilation, schema compilation) that would hold the
  // token request back from the wire; one turn of the event loop lets its connection start first.
  await new Promise(resolve => setImmediate(resolve))
  const sink = await loadSink()
  for (const line of early) sink.debug(line)
  debug = line => sink.debug(line)
  const manifest = await loadSelectedManifest(settings, workspace)
  // Bad credentials fail here, before the first write.
  await token
  const [{ createIngestionClient }, { createProgressReporter }, { publishAll }, { uploadFile }] =
    await Promise.all([
      import('../ingestion/client.js'),
      import('../report/progress.js'),
      import('./index.js'),
      import('../upload/index.js')
    ])
  const api = createIngestionClient({ baseUrl: settings.apiBaseUrl, transport, tokens, log: debug })

  const progress = createProgressReporter(sink, clock, startedAt)
  const mode = settings.dryRun ? 'Planning' : 'Publishing'
  const note = settings.dryRun ? ' (dry run: nothing is written)' : ''
  sink.info(`${mode} ${manifest.offers.length} offer(s) to ${settings.target}${note}`)
  state.offers = await publishAll(
    {
      api,
      settings,
      clock,
      signal: deps.signal,
      deadline,
      upload: (file, sasUrl) =>
        uploadFile({
          sasUrl,
          filePath: file.path,
          size: file.size,
          transport,
          log: debug,
          clock,
          signal: requestSignal
        }),
      progress: progress.progress,
      warn: progress.warn,
      debug: line => {
        if (sink.isDebug()) sink.debug(line)
      },
      group: { start: name => sink.startGroup(name), end: () => sink.endGroup() },
      uploadConcurrency: UPLOAD_CONCURRENCY
    },
    manifest.offers
  )
}

async function loadSelectedManifest(settings: Settings, workspace: string): Promise<Manifest> {
  const [{ loadManifest }, { selectOffers }] = await Promise.all([
    import('../manifest/load.js'),
    import('../manifest/filter.js')
  ])
  const loaded = await loadManifest(settings.manifestPath, { version: settings.version, workspace })
  return selectOffers(loaded, settings.offers)
}
