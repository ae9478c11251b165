/** The job summary: per offer, what changed, packages, the submission timeline and links; errors; request counts. */
import { formatDuration } from '../publish/units.js'
import type { OfferResult } from '../publish/result.js'
import { describePlace } from './location.js'
import { PHASES, describeComparison, type RunSummary } from './summary-model.js'

export function renderMarkdown(summary: RunSummary): string {
  const heading = summary.dryRun
    ? `Marketplace ${summary.mode === 'follow' ? 'follow' : 'publish'} plan (dry run, target ${summary.target})`
    : `Marketplace ${summary.mode === 'follow' ? 'follow' : 'publish'}: ${summary.status}`
  const parts = [`## ${cell(heading)}`]
  for (const offer of summary.offers) parts.push(offerSection(offer, summary.dryRun))
  const errors = [
    ...summary.runErrors.map(e => ({ offer: '', ...e })),
    ...summary.offers.flatMap(o => o.errors.map(e => ({ offer: o.offerId, ...e })))
  ]
  if (errors.length) {
    parts.push(
      '### Errors',
      table(
        ['Offer', 'Code', 'Severity', 'Message', 'Where'],
        errors.map(e => [
          e.offer,
          e.code,
          e.severity ?? 'Error',
          e.message,
          describePlace(e.source, summary.workspace)
        ])
      )
    )
  }
  if (summary.counts) {
    const counts = summary.counts
    parts.push('### Requests', table([...PHASES], [PHASES.map(p => String(counts[p]))]))
  }
  return parts.join('\n\n') + '\n'
}

function offerSection(offer: OfferResult, dryRun: boolean): string {
  const lines = [`### ${cell(offer.offerId)}: ${offer.status}`]
  const facts: string[][] = []
  if (offer.productId) facts.push(['Product', `\`${offer.productId}\``])
  if (offer.submissionId) facts.push(['Submission', `\`${offer.submissionId}\``])
  if (offer.releaseNumber !== undefined) facts.push(['Release', String(offer.releaseNumber)])
  if (offer.partnerCenterUrl)
    facts.push(['Partner Center', `[overview](${offer.partnerCenterUrl})`])
  for (const link of offer.previewLinks) facts.push(['Preview', `[${cell(link)}](${link})`])
  if (offer.stoppedAt) facts.push(['Stopped before', offer.stoppedAt])
  if (offer.comparedWith) facts.push(['Unchanged', describeComparison(offer.comparedWith)])
  if (offer.nothingToFollow) facts.push(['Nothing to follow', offer.nothingToFollow])
  if (facts.length) lines.push(table(['', ''], facts, false))

  const changesTitle = dryRun ? 'Plan (nothing was written)' : 'Changes'
  lines.push(
    `**${changesTitle}**`,
    offer.changes.length
      ? table(
          ['Action', 'What', 'Fields'],
          offer.changes.map(c => [c.action, c.subject, (c.fields ?? []).join(', ')])
        )
      : dryRun
        ? 'Nothing to change.'
        : 'Nothing changed.'
  )
  if (offer.packages.length) {
    lines.push(
      '**Packages**',
      table(
        ['Package', 'File', 'Version', 'Package ID'],
        offer.packages.map(p => [p.label, p.fileName, p.version, p.packageId ?? ''])
      )
    )
  }
  if (offer.timeline.length) {
    lines.push(
      '**Submission timeline**',
      table(
        ['State', 'Since (UTC)', 'Duration'],
        offer.timeline.map(t => [
          t.state,
          new Date(t.at).toISOString(),
          t.durationMs === undefined ? '' : formatDuration(t.durationMs)
        ])
      )
    )
  }
  return lines.join('\n\n')
}

function table(header: string[], rows: string[][], escapeFirst = true): string {
  const esc = (value: string, i: number): string =>
    i === 1 && !escapeFirst ? value.replace(/\|/g, '\\|') : cell(value)
  return [
    `| ${header.map(h => cell(h)).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(r => `| ${r.map(esc).join(' | ')} |`)
  ].join('\n')
}

/** Table cells hold one line of text: HTML and pipes escaped, line breaks as spaces. */
function cell(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
}
