/**
 * The GitHub context of the run as one typed object, from `@actions/github` (which reads the
 * runner's GITHUB_* variables and event payload once): the ref that may carry the version, and
 * what links back to GitHub need. Outside Actions (the CLI on a laptop) the optional fields are
 * absent.
 */
import { context } from '@actions/github'

export interface GitHubContext {
  /** `refs/tags/v1.2.3`, `refs/heads/main`… */
  ref?: string
  eventName?: string
  /** `owner/name`. */
  repository?: string
  runId?: number
  /** `https://github.com`, or the GitHub Enterprise Server's. */
  serverUrl: string
}

export function githubContext(from: typeof context = context): GitHubContext {
  return {
    ref: from.ref || undefined,
    eventName: from.eventName || undefined,
    repository: repositoryOf(from),
    runId: Number.isInteger(from.runId) ? from.runId : undefined,
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
