/**
 * What a run does on GitHub beside the publish, set up from the settings and the run's context:
 * the release the manifest may use, the deployments that record each offer, and the plan comment
 * of a pull request's dry run. Without a `github-token` (the CLI outside Actions) only the notes
 * of a `release` event are available.
 */
import { tmpdir } from 'node:os'
import type { Dispatcher } from 'undici'
import type { ReleaseSource } from '../manifest/release.js'
import type { OfferTracker } from '../publish/context.js'
import { relativeFile } from '../report/location.js'
import { renderMarkdown } from '../report/summary-markdown.js'
import type { RunSummary } from '../report/summary-model.js'
import type { Settings } from '../settings.js'
import { createGitHubApi, type GitHubApi } from './client.js'
import type { GitHubContext } from './context.js'
import { deploymentTracker } from './deployments.js'
import { planMarker, upsertPlanComment } from './plan-comment.js'
import { releaseSource } from './release.js'

export interface GitHubSide {
  release: ReleaseSource
  /** Deployments; absent when nothing is deployed (dry run, target draft) or no token. */
  tracker?: OfferTracker
  /** Posts the plan on the pull request (a dry run on pull_request or pull_request_target). */
  afterReport?: (summary: RunSummary) => Promise<void>
}

export interface GitHubSideOptions {
  settings: Settings
  context: GitHubContext
  dispatcher: Dispatcher
  env: NodeJS.ProcessEnv
  workspace: string
  warn: (message: string) => void
  debug: (line: string) => void
}

export function connectGitHub(options: GitHubSideOptions): GitHubSide {
  const { settings, context } = options
  const api = githubApi(options)
  const release = releaseSource({
    context,
    api,
    tempDir: options.env.RUNNER_TEMP || tmpdir()
  })
  const deploys = !settings.dryRun && settings.target !== 'draft'
  const ref = context.sha ?? context.ref
  const tracker =
    api && deploys && ref
      ? deploymentTracker({
          api,
          target: settings.target === 'live' ? 'live' : 'preview',
          ref,
          logUrl: runUrl(context),
          version: settings.mode === 'publish' ? settings.version : undefined
        })
      : undefined
  const pullRequest = context.pullRequest?.number
  const afterReport =
    api && settings.dryRun && settings.mode === 'publish' && pullRequest !== undefined
      ? (summary: RunSummary) =>
          upsertPlanComment(
            api,
            pullRequest,
            planMarker(relativeFile(settings.manifestPath, options.workspace), settings.offers),
            planComment(summary, context.sha)
          )
      : undefined
  return { release, tracker, afterReport }
}

function githubApi(options: GitHubSideOptions): GitHubApi | undefined {
  const { settings, context } = options
  if (!settings.githubToken || !context.repository) return undefined
  return createGitHubApi({
    token: settings.githubToken,
    apiUrl: context.apiUrl,
    repository: context.repository,
    dispatcher: options.dispatcher,
    warn: options.warn,
    debug: options.debug
  })
}

/** The plan as the summary shows it, for the commit it is for; request counts say nothing to a reviewer. */
function planComment(summary: RunSummary, sha: string | undefined): string {
  const markdown = renderMarkdown({ ...summary, counts: undefined })
  return sha ? `${markdown}\n_Plan for ${sha.slice(0, 7)}; each push updates it._\n` : markdown
}

/** The run's page on GitHub, for the deployments' `log_url`. */
function runUrl(context: GitHubContext): string | undefined {
  if (!context.repository || context.runId === undefined) return undefined
  return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
}
