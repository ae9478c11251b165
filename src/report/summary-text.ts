/** The summary as plain text, for the CLI. */
import { formatDuration } from '../publish/units.js'
import type { OfferResult } from '../publish/result.js'
import { describePlace } from './location.js'
import { PHASES, describeComparison, type RunSummary } from './summary-model.js'

export function renderText(summary: RunSummary): string {
  const lines = [
    summary.dryRun
      ? `Plan (dry run, target ${summary.target}): nothing was written.`
      : `Status: ${summary.status}`
  ]
  for (const offer of summary.offers) lines.push('', ...offerLines(offer))
  const errors = [...summary.runErrors, ...summary.offers.flatMap(o => o.errors)]
  if (errors.length) {
    lines.push('', 'Errors:')
    for (const e of errors) {
      const where = describePlace(e.source, summary.workspace)
      lines.push(`  ${where ? `${where}: ` : ''}${e.code}: ${e.message}`)
    }
  }
  if (summary.counts) {
    const counts = summary.counts
    lines.push('', `Requests: ${PHASES.map(p => `${p} ${counts[p]}`).join(', ')}`)
  }
  return lines.join('\n') + '\n'
}

function offerLines(offer: OfferResult): string[] {
  const lines = [`${offer.offerId}: ${offer.status}`]
  if (offer.productId) lines.push(`  product ${offer.productId}`)
  if (offer.submissionId)
    lines.push(
      `  submission ${offer.submissionId}${offer.releaseNumber === undefined ? '' : ` (release ${offer.releaseNumber})`}`
    )
  if (offer.partnerCenterUrl) lines.push(`  ${offer.partnerCenterUrl}`)
  for (const link of offer.previewLinks) lines.push(`  preview: ${link}`)
  if (offer.stoppedAt) lines.push(`  stopped before: ${offer.stoppedAt}`)
  if (offer.comparedWith) lines.push(`  unchanged: ${describeComparison(offer.comparedWith)}`)
  if (offer.nothingToFollow) lines.push(`  nothing to follow: ${offer.nothingToFollow}`)
  for (const c of offer.changes)
    lines.push(`  ${c.action} ${c.subject}${c.fields?.length ? ` (${c.fields.join(', ')})` : ''}`)
  for (const p of offer.packages)
    lines.push(
      `  package ${p.label}: ${p.fileName} ${p.version}${p.packageId ? ` → ${p.packageId}` : ''}`
    )
  for (const t of offer.timeline)
    lines.push(
      `  ${t.state}${t.durationMs === undefined ? '' : ` for ${formatDuration(t.durationMs)}`}`
    )
  return lines
}
