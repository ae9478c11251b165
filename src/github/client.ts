/**
 * The run's GitHub API: Octokit from @actions/github, at GITHUB_API_URL as the runner sets it,
 * sending through the run's undici dispatcher (the proxy variables apply as to every request, and
 * no connection outlives the run). What the action does on GitHub is bookkeeping beside the
 * publish (deployments, the plan comment): a refusal there is a warning, said once per kind, and
 * never fails the run.
 */
import { getOctokit } from '@actions/github'
import { fetch as undiciFetch, type Dispatcher } from 'undici'

export type Octokit = ReturnType<typeof getOctokit>

export interface GitHubApi {
  octokit: Octokit
  owner: string
  repo: string
  /**
   * Warns about a failed call once per `permission` (later failures of the same kind only go to
   * the debug log): a token without `deployments: write` gives one warning, not one per offer.
   */
  warnOnce(permission: string, what: string, error: unknown): void
}

export interface GitHubApiOptions {
  token: string
  /** GITHUB_API_URL, e.g. https://api.github.com. */
  apiUrl: string
  /** `owner/name`. */
  repository: string
  dispatcher: Dispatcher
  warn: (message: string) => void
  debug: (line: string) => void
}

export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const [owner, repo] = options.repository.split('/')
  const warned = new Set<string>()
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    request: {
      fetch: ((url: string, init: Parameters<typeof undiciFetch>[1]) =>
        undiciFetch(url, { ...init, dispatcher: options.dispatcher })) as unknown as typeof fetch
    },
    // Octokit's own notices (deprecations) are for whoever debugs the action.
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: message => options.debug(`GitHub: ${message}`),
      error: message => options.debug(`GitHub: ${message}`)
    }
  })
  return {
    octokit,
    owner,
    repo,
    warnOnce(permission, what, error) {
      const message = `Could not ${what}: ${describeFailure(error, permission)}`
      if (warned.has(permission)) return options.debug(message)
      warned.add(permission)
      options.warn(message)
    }
  }
}

/** Status of an Octokit RequestError; undefined for anything else (a network failure). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' ? status : undefined
}

/**
 * What went wrong, without the request (Octokit's error carries its headers): the status and
 * what to grant when the token was refused.
 */
function describeFailure(error: unknown, permission: string): string {
  const status = statusOf(error)
  if (status === 401 || status === 403 || status === 404) {
    return `the GitHub token was refused (${status}). Grant the job \`permissions: ${permission}\` (or pass a \`github-token\` that has it); publishing is not affected.`
  }
  if (status !== undefined) return `GitHub answered ${status}; publishing is not affected.`
  const reason = error instanceof Error ? error.message : String(error)
  return `the GitHub API could not be reached (${reason}); publishing is not affected.`
}
