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

/** Resolves with the process exit code: 0 success, 1 failure, 2 invalid settings (the CLI's usage error). */
export async function runPublish(deps: RunDeps): Promise<number> {
  const { sink, clock } = deps
  const startedAt = clock.now()
  const workspace = deps.env.GITHUB_WORKSPACE || deps.cwd
  let settings: Settings | undefined
  let offers: OfferResult[] = []
  let runErrors: ResultError[] = []
  let transport: Transport | undefined

  try {
    const parsed: Settings = parseSettings(deps.read, deps.env, deps.cwd)
    settings = parsed
    const loaded = await loadManifest(parsed.manifestPath, { version: parsed.version, workspace })
    const manifest = selectOffers(loaded, parsed.offers)
    const deadline = startedAt + parsed.timeoutMinutes * 60_000
    transport = deps.createTransport({
      clock,
      signal: deps.signal,
      deadline,
      log: line => sink.debug(line)
    })
    const activeTransport = transport
    const tokens = createTokenProvider({
      settings: parsed,
      transport,
      clock,
      env: deps.env,
      getIdToken: deps.getIdToken
    })
    await tokens.getToken()
    const api = createIngestionClient({
      baseUrl: parsed.apiBaseUrl,
      transport,
      tokens,
      log: line => sink.debug(line)
    })
    const progress = createProgressReporter(sink, clock, startedAt)
    sink.info(
      `${parsed.dryRun ? 'Planning' : 'Publishing'} ${manifest.offers.length} offer(s) to ${parsed.target}${parsed.dryRun ? ' (dry run: nothing is written)' : ''}`
    )
    offers = await publishAll(
      {
        api,
        settings: parsed,
        clock,
        signal: deps.signal,
        deadline,
        upload: (file, sasUrl, signal) =>
          uploadFile({
            sasUrl,
            filePath: file.path,
            size: file.size,
            transport: activeTransport,
            log: line => sink.debug(line),
            clock,
            signal
          }),
        progress: progress.progress,
        warn: progress.warn,
        debug: line => sink.debug(line),
        group: { start: name => sink.startGroup(name), end: () => sink.endGroup() },
        uploadConcurrency: UPLOAD_CONCURRENCY
      },
      manifest.offers
    )
  } catch (error) {
    runErrors = toResultErrors(error)
    if (error instanceof Error && !(error instanceof PublishError) && error.stack)
      sink.debug(redact(error.stack))
  }

  await report(sink, {
    dryRun: settings?.dryRun ?? false,
    target: settings?.target ?? 'preview',
    status: 'failed',
    offers,
    runErrors,
    counts: transport?.counts(),
    workspace
  })
  if (runErrors.some(e => e.code === 'INPUT_INVALID')) return 2
  return runErrors.length || offers.some(o => o.status === 'failed') ? 1 : 0
}
