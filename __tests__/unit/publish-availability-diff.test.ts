/** What the manifest changes in the offer's and the plans' availabilities (pure). */
import { describe, expect, it } from '@jest/globals'
import type { FeatureAvailability, ProductAvailability } from '../../src/ingestion/types.js'
import type { PlanAvailabilitySpec } from '../../src/manifest/model.js'
import {
  diffPlanAvailability,
  diffPreviewAudience,
  statedFields
} from '../../src/publish/availability-diff.js'

const A = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
const B = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d'
const SOURCE = { file: 'marketplace.yml', line: 9 }

const offer = (audiences: ProductAvailability['audiences']): ProductAvailability => ({
  resourceType: 'ProductAvailability',
  id: 'av1',
  '@odata.etag': '"1"',
  visibility: 'Public',
  audiences
})

const plan = (fields: Partial<FeatureAvailability> = {}): FeatureAvailability => ({
  resourceType: 'FeatureAvailability',
  id: 'fa1',
  '@odata.etag': '"1"',
  visibility: 'Public',
  marketStates: [],
  subscriptionAudiences: [],
  priceSchedules: [],
  customMeters: [],
  isHidden: false,
  ...fields
})

const spec = (fields: Omit<PlanAvailabilitySpec, 'source'>): PlanAvailabilitySpec => ({
  ...fields,
  source: SOURCE
})

const monthly = (marketCodes: string[], openPrice: number, currencyCode = 'USD') => ({
  marketCodes,
  schedules: [
    {
      retailPrice: { openPrice, currencyCode },
      priceCadence: { type: 'Month', value: 1 },
      pricingModel: 'Recurring'
    }
  ]
})

describe('the preview audience', () => {
  it('is written as one PreviewMarketplaceGroup, keeping the rest of the resource', () => {
    const { changed, next } = diffPreviewAudience(offer([]), [A])
    expect(changed).toEqual(['audiences'])
    expect(next).toEqual({
      ...offer([]),
      audiences: [{ type: 'PreviewMarketplaceGroup', values: [A] }]
    })
  })

  it('is unchanged when Partner Center holds the same IDs in another order or case', () => {
    const current = offer([{ type: 'PreviewMarketplaceGroup', values: [B.toUpperCase(), A] }])
    expect(diffPreviewAudience(current, [A, B]).changed).toEqual([])
  })

  it('replaces the preview group only, and drops an ID the manifest no longer lists', () => {
    const other = { type: 'SomethingElse', values: ['x'] }
    const current = offer([other, { type: 'PreviewMarketplaceGroup', values: [A, B] }])
    const { changed, next } = diffPreviewAudience(current, [A])
    expect(changed).toEqual(['audiences'])
    expect(next.audiences).toEqual([other, { type: 'PreviewMarketplaceGroup', values: [A] }])
  })
})

describe('a plan availability', () => {
  it('changes nothing the manifest does not state', () => {
    const current = plan({
      visibility: 'Private',
      isHidden: true,
      marketStates: [{ marketCode: 'US', state: 'Enabled' }]
    })
    expect(diffPlanAvailability(current, spec({}))).toEqual({ changed: [], next: current })
  })

  it('sets visibility, the private audience and hidden, keeping known audience descriptions', () => {
    const current = plan({ subscriptionAudiences: [{ ID: A, description: 'QA' }] })
    const { changed, next } = diffPlanAvailability(
      current,
      spec({ visibility: 'private', privateAudience: [A, B], hidden: true })
    )
    expect(changed).toEqual(['visibility', 'subscriptionAudiences', 'isHidden'])
    expect(next).toMatchObject({
      visibility: 'Private',
      subscriptionAudiences: [{ ID: A, description: 'QA' }, { ID: B }],
      isHidden: true
    })
  })

  it('enables the stated markets in upper case, disables the others, and leaves ended ones alone', () => {
    const current = plan({
      marketStates: [
        { marketCode: 'US', state: 'Enabled' },
        { marketCode: 'DE', state: 'Enabled' },
        { marketCode: 'FR', state: 'StopSelling' },
        { marketCode: 'CA', state: 'Disabled' }
      ]
    })
    const { changed, next } = diffPlanAvailability(current, spec({ markets: ['us', 'ca', 'gb'] }))
    expect(changed).toEqual(['marketStates'])
    expect(next.marketStates).toEqual([
      { marketCode: 'US', state: 'Enabled' },
      { marketCode: 'DE', state: 'Disabled' },
      { marketCode: 'FR', state: 'StopSelling' },
      { marketCode: 'CA', state: 'Enabled' },
      { marketCode: 'GB', state: 'Enabled' }
    ])
  })

  it('writes a monthly USD price for the markets, and a market price of its own in its currency', () => {
    const { changed, next } = diffPlanAvailability(
      plan(),
      spec({
        markets: ['us', 'ca', 'gb'],
        pricing: { monthly: 49.99, byMarket: [{ market: 'gb', monthly: 39.99, currency: 'GBP' }] }
      })
    )
    expect(changed).toEqual(['marketStates', 'priceSchedules'])
    expect(next.priceSchedules).toEqual([
      { isBaseSchedule: false, friendlyName: 'Monthly price', ...monthly(['US', 'CA'], 49.99) },
      {
        isBaseSchedule: false,
        friendlyName: 'Monthly price, GB',
        ...monthly(['GB'], 39.99, 'GBP')
      }
    ])
  })

  it('compares prices per market: grouping, names and repeats of the same price are no change', () => {
    const current = plan({
      marketStates: [
        { marketCode: 'US', state: 'Enabled' },
        { marketCode: 'CA', state: 'Enabled' }
      ],
      priceSchedules: [
        { friendlyName: 'theirs', ...monthly(['CA'], 10) },
        { isBaseSchedule: true, ...monthly(['us'], 10, 'usd') },
        monthly(['US'], 10)
      ]
    })
    const same = spec({ markets: ['us', 'ca'], pricing: { monthly: 10, byMarket: [] } })
    expect(diffPlanAvailability(current, same).changed).toEqual([])
    const dearer = spec({ markets: ['us', 'ca'], pricing: { monthly: 12, byMarket: [] } })
    expect(diffPlanAvailability(current, dearer).changed).toEqual(['priceSchedules'])
  })

  it('names the wire fields a dry run would write', () => {
    expect(
      statedFields(spec({ hidden: false, markets: ['us'], pricing: { monthly: 1, byMarket: [] } }))
    ).toEqual(['isHidden', 'marketStates', 'priceSchedules'])
  })
})
