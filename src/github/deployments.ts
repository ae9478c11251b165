/**
 * Each offer's publish or follow as a GitHub deployment, so the repository's Environments page
 * shows where every offer stands. One environment per offer and target
 * (`Marketplace: contoso-analytics (live)`). A publish creates the deployment (`in_progress`); a
 * follow finds the one a publish left open and updates it; each ends in `success` (the target is
 * reached), `failure`, or stays `in_progress` while the submission runs; an older open one that a
 * newer publish superseded becomes `inactive`. `environment_url` is the preview link when the
 * service gives one, else the offer's Partner Center page; `log_url` is the run.
 *
 * Needs `deployments: write`; without it, one warning and no deployment (publishing goes on).
 */
import type { OfferTracker } from '../publish/context.js'
import type { OfferResult } from '../publish/result.js'
import type { GitHubApi } from './client.js'

/** The deployments' `task`: how a follow tells this action's deployments from any other. */
export const DEPLOYMENT_TASK = 'deploy:marketplace'
/** The deployment statuses that mean "still running": a follow picks these up. */
const OPEN_STATES = ['queued', 'pending', 'in_progress']
/** How many of an environment's latest deployments a follow looks at. */
const RECENT = 10
/** GitHub's limit for a deployment status description. */
const DESCRIPTION_LIMIT = 140

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'inactive'

export interface DeploymentTrackerOptions {
  api: GitHubApi
  target: 'preview' | 'live'
  /** The commit (or ref) the deployments are for. */
  ref: string
  /** The run's page, the statuses' `log_url`. */
  logUrl?: string
  /** The version being published, shown in the deployment's description. */
  version?: string
}

/** `Marketplace: contoso-analytics (live)`: sorted together, and plain in the Environments page. */
export function environmentName(offerId: string, target: 'preview' | 'live'): string {
  return `Marketplace: ${offerId} (${target})`
}

/** The status a result calls for: reached the target, failed, or still on its way. */
export function deploymentState(result: OfferResult, target: 'preview' | 'live'): DeploymentState {
  // A follow that finds nothing in flight closes what a publish left open (it never submitted).
  if (result.nothingToFollow) return 'inactive'
  if (result.status === 'failed') return stoppedWaiting(result) ? 'in_progress' : 'failure'
  // `unchanged`: the target already showed this content, so nothing was submitted.
  const reached = target === 'live' ? ['live', 'unchanged'] : ['preview', 'live', 'unchanged']
  return reached.includes(result.status) ? 'success' : 'in_progress'
}

/**
 * The run stopped (cancelled, or out of time) after the submission was made: the submission goes
 * on in Partner Center, so the deployment stays open for a follow run to finish.
 */
function stoppedWaiting(result: OfferResult): boolean {
  const stops = ['CANCELLED', 'TIME_BUDGET_EXCEEDED']
  const { submissionId, errors } = result
  return (
    submissionId !== undefined && errors.length > 0 && errors.every(e => stops.includes(e.code))
  )
}

/** One line for the status: where the submission stands, or the first error. */
export function statusDescription(result: OfferResult): string {
  if (result.nothingToFollow) return clip(`Nothing in flight: ${result.nothingToFollow}`)
  const submission = result.submissionId
    ? `submission ${result.submissionId}${result.releaseNumber === undefined ? '' : ` (release ${result.releaseNumber})`}`
    : undefined
  if (result.status === 'failed') {
    const where = submission ? ` (${submission})` : ''
    return clip(`Failed${where}: ${result.errors[0]?.message ?? 'see the run'}`)
  }
  const detail = [submission, result.timeline.at(-1)?.state].filter(Boolean).join(', ')
  const status = `${result.status[0].toUpperCase()}${result.status.slice(1)}`
  return clip(detail ? `${status}: ${detail}` : status)
}

function clip(text: string): string {
  return text.length <= DESCRIPTION_LIMIT ? text : `${text.slice(0, DESCRIPTION_LIMIT - 1)}…`
}

interface Tracked {
  id: number
  /** The last status posted or read, so an unchanged follow posts nothing new. */
  last?: { state: string; description: string }
}

export function deploymentTracker(options: DeploymentTrackerOptions): OfferTracker {
  const { api, target } = options
  const { octokit, owner, repo } = api
  const tracked = new Map<string, Tracked>()
  let refused = false
  /** A call that may be refused: the first refusal warns and stops every later call. */
  const attempt = async <T>(what: string, call: () => Promise<T>): Promise<T | undefined> => {
    if (refused) return undefined
    try {
      return await call()
    } catch (error) {
      refused = true
      api.warnOnce('deployments: write', what, error)
      return undefined
    }
  }
  const post = async (
    deployment: Tracked,
    state: DeploymentState,
    description: string,
    result?: OfferResult
  ): Promise<void> => {
    if (deployment.last?.state === state && deployment.last.description === description) return
    const posted = await attempt('update a GitHub deployment', () =>
      octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deployment.id,
        state,
        description,
        log_url: options.logUrl,
        environment_url: result && (result.previewLinks[0] ?? result.partnerCenterUrl)
      })
    )
    if (posted) deployment.last = { state, description }
  }

  return {
    async started(offerId) {
      const reply = await attempt('create a GitHub deployment', () =>
        octokit.rest.repos.createDeployment({
          owner,
          repo,
          ref: options.ref,
          task: DEPLOYMENT_TASK,
          environment: environmentName(offerId, target),
          description: `${offerId}${options.version ? ` ${options.version}` : ''} to ${target}`,
          auto_merge: false,
          // No commit status checks: the publish is not gated on the commit's CI here.
          required_contexts: [],
          production_environment: target === 'live',
          payload: { offerId, target, version: options.version ?? null }
        })
      )
      const id = (reply?.data as { id?: unknown } | undefined)?.id
      if (typeof id !== 'number') return
      const deployment: Tracked = { id }
      tracked.set(offerId, deployment)
      await post(deployment, 'in_progress', `Publishing to ${target}`)
    },

    async resumed(offerId) {
      const found = await attempt('read the GitHub deployments', () =>
        openDeployments(api, environmentName(offerId, target))
      )
      if (!found) return undefined
      const [newest, ...older] = found
      for (const superseded of older)
        await post(superseded, 'inactive', 'Superseded by a newer publish')
      if (newest) tracked.set(offerId, newest)
      return newest !== undefined
    },

    async finished(result) {
      const deployment = tracked.get(result.offerId)
      if (!deployment) return
      await post(deployment, deploymentState(result, target), statusDescription(result), result)
    }
  }
}

/** The environment's deployments by this action whose latest status is still open, newest first. */
async function openDeployments(api: GitHubApi, environment: string): Promise<Tracked[]> {
  const { octokit, owner, repo } = api
  const { data: deployments } = await octokit.rest.repos.listDeployments({
    owner,
    repo,
    environment,
    task: DEPLOYMENT_TASK,
    per_page: RECENT
  })
  const open: Tracked[] = []
  for (const deployment of deployments) {
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: deployment.id,
      per_page: 1
    })
    const latest = statuses[0]
    if (latest && !OPEN_STATES.includes(latest.state)) continue
    open.push({
      id: deployment.id,
      last: latest && { state: latest.state, description: latest.description ?? '' }
    })
  }
  return open
}
