/**
 * The end of every run: annotations for every error, the outputs, the job summary, and the
 * failed state. Called once, with whatever the run got to (possibly no offer at all).
 */
import type { ResultError } from '../publish/result.js'
import { annotationPlace } from './location.js'
import { outputValues } from './outputs.js'
import type { ReportSink } from './sink.js'
import type { RunSummary } from './summary-model.js'
import { renderMarkdown } from './summary-markdown.js'
import { renderText } from './summary-text.js'

export async function report(sink: ReportSink, summary: RunSummary): Promise<void> {
  for (const e of summary.runErrors) annotate(sink, e, summary.workspace)
  for (const offer of summary.offers) {
    for (const e of offer.errors) annotate(sink, e, summary.workspace, offer.offerId)
    if (offer.nothingToFollow)
      sink.notice(`[${offer.offerId}] Nothing to follow: ${offer.nothingToFollow}.`, {
        title: `Offer ${offer.offerId}`
      })
    if (offer.stoppedAt) {
      sink.warning(
        `[${offer.offerId}] Stopped before ${offer.stoppedAt}. Re-running picks up from there: processed packages are reused, and an in-progress submission of the same release is adopted when it can be recognised (otherwise set on-conflict: wait).`
      )
    }
  }
  const outputs = outputValues(summary.offers)
  if (summary.runErrors.length) outputs.status = 'failed'
  for (const [name, value] of Object.entries(outputs)) sink.setOutput(name, value)
  await sink.writeSummary(
    renderMarkdown({ ...summary, status: outputs.status }),
    renderText({ ...summary, status: outputs.status })
  )

  const failed = summary.runErrors.length + summary.offers.filter(o => o.status === 'failed').length
  if (failed > 0) {
    const what = summary.offers.length
      ? `${summary.offers.filter(o => o.status === 'failed').length} of ${summary.offers.length} offers failed`
      : 'the run failed before publishing'
    sink.fail(`Marketplace publish failed: ${what}.`)
  }
}

function annotate(sink: ReportSink, e: ResultError, workspace: string, offerId?: string): void {
  const title = offerId ? `${offerId}: ${e.code}` : e.code
  const properties = { title, ...annotationPlace(e.source, workspace) }
  if (e.severity && /^warn/i.test(e.severity)) sink.warning(e.message, properties)
  else sink.error(e.message, properties)
}
