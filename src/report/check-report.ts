/**
 * `mode: check` when the manifest and its files pass: what was checked, per offer (the `status`
 * output `checked`, the `offers` output, a summary). A failing check is reported like a failing
 * publish (report.ts): the same annotations at the same lines.
 */
import type { ManifestCheck } from '../manifest/load.js'
import { offerList } from './outputs.js'
import type { ReportSink } from './sink.js'
import { cell } from './summary-markdown.js'

export async function reportCheck(sink: ReportSink, check: ManifestCheck): Promise<void> {
  const items = check.offers.flatMap(offer => offer.checked)
  const later = items.filter(item => item.atPublish).length
  sink.setOutput('status', 'checked')
  sink.setOutput('offers', offerList(check.offers.map(offer => offer.offerId)))
  const leftOver = later ? `; ${later} left for the publish (it reads the GitHub release)` : ''
  sink.info(
    `Checked ${check.offers.length} offer(s) and ${items.length - later} file(s): no problem found${leftOver}. No credentials were used and no request was sent.`
  )
  await sink.writeSummary(markdown(check), text(check))
}

function markdown(check: ManifestCheck): string {
  const parts = [
    '## Marketplace check: passed',
    'The manifest, its schema, its limits and every file it names were checked as a publish checks them, with no credentials and no request.'
  ]
  for (const offer of check.offers) {
    parts.push(`### ${offer.offerId} (${offer.type})`)
    parts.push(
      offer.checked.length
        ? [
            '| Field | Checked |',
            '| --- | --- |',
            ...offer.checked.map(item => `| \`${item.field}\` | ${cell(item.what)} |`)
          ].join('\n')
        : 'Its fields (no file named).'
    )
  }
  return parts.join('\n\n') + '\n'
}

function text(check: ManifestCheck): string {
  const lines = ['Check: passed (no credentials, no request)']
  for (const offer of check.offers) {
    lines.push('', `${offer.offerId} (${offer.type})`)
    for (const item of offer.checked) lines.push(`  ${item.field}: ${item.what}`)
  }
  return lines.join('\n') + '\n'
}
