/**
 * One whole run, shared by the action (src/main.ts) and the CLI (src/cli.ts), which differ only in
 * how inputs are read and where the report goes:
 * settings → manifest → offer filter (any error: report, no request at all) → token (bad
 * credentials fail before any write) → publish every offer → report.
 */
import type { Clock } from '../clock.js'
import { PublishError } from '../errors.js'
import { createTokenProvider } from '../auth/token-provider.js'
import { redact } from '../http/redact.js'
import type { TransportOptions } from '../http/transport.js'
import type { Transport } from '../http/types.js'
import { createIngestionClient } from '../ingestion/client.js'
import { selectOffers } from '../manifest/filter.js'
import { loadManifest } from '../manifest/load.js'
import { createProgressReporter } from '../report/progress.js'
import { report } from '../report/report.js'
import type { ReportSink } from '../report/sink.js'
import { parseSettings, type InputReader, type Settings } from '../settings.js'
import { uploadFile } from '../upload/index.js'
import { toResultErrors } from './errors.js'
import { publishAll } from './index.js'
import type { OfferResult, ResultError } from './result.js'

export interface RunDeps {
  read: InputReader
  sink: ReportSink
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
  try {
    await publishRun(deps, state, startedAt, workspace)
  } catch (error) {
    state.runErrors = toResultErrors(error)
    // A bug's stack helps only whoever debugs it: shown with debug logging on, redacted.
    if (
      error instanceof Error &&
      !(error instanceof PublishError) &&
      error.stack &&
      deps.sink.isDebug()
    )
      deps.sink.debug(redact(error.stack))
  }

  await report(deps.sink, {
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
  workspace: string
): Promise<void> {
  const { sink, clock } = deps
  const settings = parseSettings(deps.read, deps.env, deps.cwd)
  state.settings = settings
  const loaded = await loadManifest(settings.manifestPath, { version: settings.version, workspace })
  const manifest = selectOffers(loaded, settings.offers)

  // Nothing has been sent so far: settings and manifest errors never cost a request.
  const deadline = startedAt + settings.timeoutMinutes * 60_000
  const debug = (line: string): void => sink.debug(line)
  const requestSignal = deps.requestSignal ?? deps.signal
  const transport = deps.createTransport({
    clock,
    signal: requestSignal,
    deadline,
    log: debug
  })
  state.transport = transport
  const tokens = createTokenProvider({
    settings,
    transport,
    clock,
    env: deps.env,
    getIdToken: deps.getIdToken
  })
  // Bad credentials fail here, before the first write.
  await tokens.getToken()
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
