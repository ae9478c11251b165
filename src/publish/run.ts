/**
 * One whole run, shared by the action (src/main.ts) and the CLI (src/cli.ts), which differ only in
 * how inputs are read and where the report goes:
 * settings (an error: report, no request at all) → the token request, sent while the manifest
 * is loaded and checked (issue 3 allows the token before validation) → manifest and offer filter
 * (any error: reported first, nothing sent beyond the token) → token outcome (bad credentials fail
 * before any write) → publish (or follow) every offer → report → the pull request's plan comment.
 * `mode: list` stops after the manifest, and `mode: check` after the manifest and its files: no
 * credentials, no request (no dispatcher is even created).
 *
 * The early token is the Ingestion API's, which most runs need; a run with an offer of the
 * product-ingestion API also gets a Graph token once the manifest says so (only then), and a run
 * with no Ingestion API offer leaves the early token's outcome aside.
 */
import { checkSignIn } from '../auth/sign-in.js'
import { GRAPH_RESOURCE, createTokenProvider } from '../auth/token-provider.js'
import type { Clock } from '../clock.js'
import { PublishError } from '../errors.js'
import type { GitHubContext } from '../github/context.js'
import type { Dispatcher } from 'undici'
import { createDispatcher } from '../http/dispatcher.js'
import { redact, setLogMasker } from '../http/redact.js'
import type { TransportOptions } from '../http/transport.js'
import type { Transport } from '../http/types.js'
import { createIngestionClient } from '../ingestion/client.js'
import { connectGitHub } from '../github/index.js'
import { selectOffers } from '../manifest/filter.js'
import {
  checkManifestFiles,
  loadManifest,
  loadOfferList,
  type ManifestCheck
} from '../manifest/load.js'
import type { OfferIdentity } from '../manifest/model.js'
import { isProductIngestionOffer } from '../manifest/model-product-ingestion.js'
import type { ReleaseSource } from '../manifest/release.js'
import type { ProductIngestionApi } from '../product-ingestion/api.js'
import { createProductIngestionClient } from '../product-ingestion/client.js'
import { reportCheck } from '../report/check-report.js'
import { reportOfferList } from '../report/offer-list.js'
import { createProgressReporter } from '../report/progress.js'
import { report } from '../report/report.js'
import type { ReportSink } from '../report/sink.js'
import type { RunSummary } from '../report/summary-model.js'
import {
  DEFAULTS,
  INPUT_NAMES,
  inputRef,
  parseSettings,
  type InputReader,
  type Settings
} from '../settings.js'
import { uploadFile } from '../upload/index.js'
import { toResultErrors } from './errors.js'
import type { PublishDeps } from './context.js'
import { followAll, publishAll } from './index.js'
import type { OfferResult, ResultError } from './result.js'

export interface RunDeps {
  read: InputReader
  /** Where the report goes; also masks every secret the run registers. */
  sink: ReportSink
  github: GitHubContext
  clock: Clock
  /** GITHUB_WORKSPACE, the OIDC request variables and the proxy variables. */
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
  dispatcher?: Dispatcher
  transport?: Transport
  offers: OfferResult[]
  runErrors: ResultError[]
  /** `mode: list`: the offers listed. */
  listed?: OfferIdentity[]
  /** `mode: check`: what was checked. */
  checked?: ManifestCheck
  /** After the report: the pull request's plan comment. */
  afterReport?: (summary: RunSummary) => Promise<void>
}

/** Resolves with the process exit code: 0 success, 1 failure, 2 invalid settings (the CLI's usage error). */
export async function runPublish(deps: RunDeps): Promise<number> {
  const { sink } = deps
  const startedAt = deps.clock.now()
  const workspace = deps.env.GITHUB_WORKSPACE || deps.cwd
  const state: RunState = { offers: [], runErrors: [] }
  const previousMasker = setLogMasker(value => sink.setSecret(value))
  try {
    await publishRun(deps, state, startedAt, workspace)
  } catch (error) {
    state.runErrors = toResultErrors(error)
    // A bug's stack helps only whoever debugs it: shown with debug logging on, redacted.
    if (error instanceof Error && !(error instanceof PublishError) && error.stack && sink.isDebug())
      sink.debug(redact(error.stack))
  }

  try {
    if (state.listed && state.runErrors.length === 0) await reportOfferList(sink, state.listed)
    else if (state.checked && state.runErrors.length === 0) await reportCheck(sink, state.checked)
    else {
      const summary: RunSummary = {
        mode: state.settings?.mode,
        dryRun: state.settings?.dryRun ?? false,
        target: state.settings?.target ?? 'preview',
        status: 'failed',
        offers: state.offers,
        runErrors: state.runErrors,
        counts: state.transport?.counts(),
        workspace
      }
      await report(sink, summary)
      await state.afterReport?.(summary)
    }
  } finally {
    // The run is over: nothing still in flight (a token request beside a manifest error) is wanted,
    // and no idle connection may keep the process alive.
    await state.dispatcher?.destroy()
    setLogMasker(previousMasker)
  }
  if (state.runErrors.some(e => e.code === 'INPUT_INVALID')) return 2
  return state.runErrors.length || state.offers.some(o => o.status === 'failed') ? 1 : 0
}

async function publishRun(
  deps: RunDeps,
  state: RunState,
  startedAt: number,
  workspace: string
): Promise<void> {
  const { clock, sink } = deps
  const settings = parseSettings(deps.read, deps.github, workspace)
  state.settings = settings
  checkSignIn(settings, deps.env)
  if (settings.githubToken) sink.setSecret(settings.githubToken)
  if (settings.mode === 'list') {
    // No credentials and no request: the manifest alone says which offers there are.
    const listed = await loadOfferList(settings.manifestPath, { workspace })
    state.listed = selectOffers(listed, settings.offers).offers
    return
  }
  if (settings.mode === 'check') {
    // As a publish checks the manifest and its files, leaving only the release to the publish.
    const checked = await checkManifestFiles(settings.manifestPath, {
      version: settings.version,
      workspace
    })
    state.checked = selectOffers(checked, settings.offers)
    return
  }

  const deadline = startedAt + settings.timeoutMinutes * 60_000
  const requestSignal = deps.requestSignal ?? deps.signal
  const debug = (line: string): void => sink.debug(line)
  state.dispatcher = createDispatcher(deps.env)
  const transport = deps.createTransport({
    clock,
    dispatcher: state.dispatcher,
    signal: requestSignal,
    deadline,
    log: debug
  })
  state.transport = transport
  const github = connectGitHub({
    settings,
    context: deps.github,
    dispatcher: state.dispatcher,
    env: deps.env,
    workspace,
    warn: message => sink.warning(message, { title: 'GitHub' }),
    debug
  })
  state.afterReport = github.afterReport
  const tokenOptions = { settings, transport, clock, env: deps.env, getIdToken: deps.getIdToken }
  const tokens = createTokenProvider(tokenOptions)
  const token = tokens.getToken()
  // Awaited below, after the manifest: its problems are what the user must fix first.
  token.catch(() => undefined)
  const work = await loadWork(settings, workspace, github.release)
  const graphTokens = work.offers.some(isProductIngestionOffer)
    ? createTokenProvider({ ...tokenOptions, resource: GRAPH_RESOURCE })
    : undefined
  const graphToken = graphTokens?.getToken()
  graphToken?.catch(() => undefined)
  // Bad credentials fail here, before the first write.
  if (work.offers.some(offer => !isProductIngestionOffer(offer))) await token
  await graphToken
  const api = createIngestionClient({
    baseUrl: settings.apiBaseUrl,
    baseUrlSource: `${inputRef(INPUT_NAMES.apiBaseUrl)} (default ${DEFAULTS.apiBaseUrl})`,
    transport,
    tokens,
    log: debug
  })
  const productIngestion: ProductIngestionApi | undefined = graphTokens
    ? createProductIngestionClient({
        baseUrl: settings.productIngestionUrl,
        baseUrlSource: `${inputRef(INPUT_NAMES.productIngestionUrl)} (default ${DEFAULTS.productIngestionUrl})`,
        transport,
        tokens: graphTokens,
        log: debug
      })
    : undefined

  const progress = createProgressReporter(sink, clock, startedAt)
  const publishDeps: PublishDeps = {
    api,
    productIngestion,
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
    uploadConcurrency: UPLOAD_CONCURRENCY,
    tracker: github.tracker
  }
  const note = settings.dryRun ? ' (dry run: nothing is written)' : ''
  sink.info(`${work.what} ${work.offers.length} offer(s) to ${settings.target}${note}`)
  state.offers = await work.run(publishDeps)
}

/** The run's work on the manifest's offers, loaded as far as the mode needs. */
interface Work {
  /** `Publishing`, `Planning` or `Following`, for the first log line. */
  what: string
  /** The offers it works on: which APIs, and so which tokens, the run needs. */
  offers: readonly OfferIdentity[]
  run: (deps: PublishDeps) => Promise<OfferResult[]>
}

async function loadWork(
  settings: Settings,
  workspace: string,
  release: ReleaseSource
): Promise<Work> {
  if (settings.mode === 'follow') {
    // A follow needs no version, no release and no file: which offers, and their types.
    const listed = await loadOfferList(settings.manifestPath, { workspace })
    const { offers } = selectOffers(listed, settings.offers)
    return { what: 'Following', offers, run: deps => followAll(deps, offers) }
  }
  const loaded = await loadManifest(settings.manifestPath, {
    version: settings.version,
    workspace,
    release
  })
  const { offers } = selectOffers(loaded, settings.offers)
  return {
    what: settings.dryRun ? 'Planning' : 'Publishing',
    offers,
    run: deps => publishAll(deps, offers)
  }
}
