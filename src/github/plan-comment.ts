/**
 * The dry run's plan as one comment on the pull request, updated in place on each push: found
 * again by a hidden marker that names the manifest and the offers filter, so two jobs planning
 * different offers keep a comment each. Needs `pull-requests: write`; without it (a fork's
 * read-only token), one warning.
 */
import type { GitHubApi } from './client.js'

/** `<!-- marketplace-publish plan: marketplace.yml -->`: invisible in the rendered comment. */
export function planMarker(manifest: string, offers: readonly string[]): string {
  const filter = offers.length ? ` offers=${offers.join(',')}` : ''
  // `--` inside would end the HTML comment early.
  return `<!-- marketplace-publish plan: ${`${manifest}${filter}`.replace(/-{2,}/g, '-')} -->`
}

/** Creates the plan comment, or updates the one an earlier run of the same plan left. */
export async function upsertPlanComment(
  api: GitHubApi,
  pullRequest: number,
  marker: string,
  markdown: string
): Promise<void> {
  const { octokit, owner, repo } = api
  const body = `${marker}\n${markdown}`
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pullRequest,
      per_page: 100
    })
    const earlier = comments.find(c => c.body?.startsWith(marker))
    if (earlier) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: earlier.id, body })
    } else {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: pullRequest, body })
    }
  } catch (error) {
    api.warnOnce('pull-requests: write', 'post the plan on the pull request', error)
  }
}
