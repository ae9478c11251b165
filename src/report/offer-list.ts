/**
 * `mode: list`: the manifest's offers (after the `offers` filter) as the `offers` output, a JSON
 * array of offer IDs for `strategy.matrix`, and a short summary.
 */
import type { OfferIdentity } from '../manifest/model.js'
import { offerList } from './outputs.js'
import type { ReportSink } from './sink.js'

export async function reportOfferList(
  sink: ReportSink,
  offers: readonly OfferIdentity[]
): Promise<void> {
  const ids = offers.map(offer => offer.offerId)
  sink.setOutput('offers', offerList(ids))
  sink.info(`${ids.length} offer(s): ${ids.join(', ')}`)
  const rows = offers.map(offer => `| \`${offer.offerId}\` | ${offer.type} |`)
  await sink.writeSummary(
    ['## Marketplace offers', '', '| Offer | Type |', '| --- | --- |', ...rows, ''].join('\n'),
    `Offers:\n${offers.map(offer => `  ${offer.offerId} (${offer.type})`).join('\n')}\n`
  )
}
