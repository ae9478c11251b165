/**
 * The GitHub context of the run as one typed object, from `@actions/github` (which reads the
 * runner's GITHUB_* variables and event payload once): the ref that may carry the version, the run
 * attempt, and what links back to GitHub need. Outside Actions (the CLI on a laptop) the optional
 * fields are absent.
 */
import { context } from '@actions/github'

export interface GitHubContext {
  /** `refs/tags/v1.2.3`, `refs/heads/main`… */
  ref?: string
  eventName?: string
  /** `owner/name`. */
  repository?: string
  runId?: number
  /** Above 1 when GitHub re-runs a job ("Re-run jobs"); 1 elsewhere. */
  runAttempt: number
  /** `https://github.com`, or the GitHub Enterprise Server's. */
  serverUrl: string
}

export function githubContext(from: typeof context = context): GitHubContext {
  return {
    ref: from.ref || undefined,
    eventName: from.eventName || undefined,
    repository: repositoryOf(from),
    runId: Number.isInteger(from.runId) ? from.runId : undefined,
    // Set by the runner, not the user: anything but a whole number counts as a first attempt.
    runAttempt: Number.isInteger(from.runAttempt) && from.runAttempt >= 1 ? from.runAttempt : 1,
    serverUrl: from.serverUrl
  }
}

/** `context.repo` throws when neither GITHUB_REPOSITORY nor the event names a repository. */
function repositoryOf(from: typeof context): string | undefined {
  try {
    return `${from.repo.owner}/${from.repo.repo}`
  } catch {
    return undefined
  }
}
