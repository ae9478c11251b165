/**
 * What the manifest changes in the availabilities (pure): the offer's preview audience, and a
 * plan's visibility, private audience, hidden flag, markets and monthly prices. Only stated
 * fields are compared and written; everything else in the resource is sent back as read (a PUT
 * replaces the whole object).
 *
 * Wire shapes: market codes upper case and managed-app prices as price schedules that list their
 * markets, each a recurring monthly USD price, as Microsoft's CLI writes them ([PCC]
 * feature_availability.py: `isBaseSchedule: false`, `marketCodes: ["CA","US"]`, `pricingModel:
 * Recurring`, `priceCadence: {type: Month, value: 1}`). What the service does with a market
 * taken out of a published plan is not in the evidence: the action marks it `Disabled` and leaves
 * `StopSelling` and `Terminated` markets as they are; Partner Center has the last word.
 */
import type {
  AudienceMember,
  FeatureAvailability,
  MarketState,
  PriceScheduleGroup,
  ProductAvailability
} from '../ingestion/types.js'
import type { MonthlyPricing, PlanAvailabilitySpec } from '../manifest/model.js'
import type { DraftDiff } from './draft-update.js'

const PREVIEW_GROUP = 'PreviewMarketplaceGroup'

/** The offer's preview audience becomes exactly these subscription IDs. */
export function diffPreviewAudience(
  current: ProductAvailability,
  wanted: readonly string[]
): DraftDiff<ProductAvailability> {
  const groups = current.audiences ?? []
  const isPreview = (group: { type?: string }): boolean =>
    (group.type ?? '').toLowerCase() === PREVIEW_GROUP.toLowerCase()
  const have = groups.filter(isPreview).flatMap(group => group.values ?? [])
  return {
    changed: sameSet(have, wanted) ? [] : ['audiences'],
    next: {
      ...current,
      audiences: [
        ...groups.filter(group => !isPreview(group)),
        { type: PREVIEW_GROUP, values: [...wanted] }
      ]
    }
  }
}

export function diffPlanAvailability(
  current: FeatureAvailability,
  spec: PlanAvailabilitySpec
): DraftDiff<FeatureAvailability> {
  const next: FeatureAvailability = { ...current }
  const changed: string[] = []
  if (spec.visibility) {
    const visibility = spec.visibility === 'private' ? 'Private' : 'Public'
    if (current.visibility !== visibility) {
      changed.push('visibility')
      next.visibility = visibility
    }
  }
  if (spec.privateAudience) {
    const members = current.subscriptionAudiences ?? []
    if (
      !sameSet(
        members.map(m => m.ID),
        spec.privateAudience
      )
    ) {
      changed.push('subscriptionAudiences')
      next.subscriptionAudiences = spec.privateAudience.map(
        id => members.find(m => sameId(m.ID, id)) ?? ({ ID: id } satisfies AudienceMember)
      )
    }
  }
  if (spec.hidden !== undefined && (current.isHidden ?? false) !== spec.hidden) {
    changed.push('isHidden')
    next.isHidden = spec.hidden
  }
  const marketStates = current.marketStates ?? []
  if (spec.markets && !sameSet(enabledMarkets(marketStates), spec.markets)) {
    changed.push('marketStates')
    next.marketStates = withMarkets(marketStates, spec.markets)
  }
  if (spec.pricing) {
    const markets = spec.markets ?? enabledMarkets(marketStates)
    const wanted = priceSchedules(spec.pricing, markets)
    if (priceRows(current.priceSchedules ?? []).join() !== priceRows(wanted).join()) {
      changed.push('priceSchedules')
      next.priceSchedules = wanted
    }
  }
  return { changed, next }
}

/** Which manifest field each wire field comes from, for a dry run that cannot read the resource. */
export function statedFields(spec: PlanAvailabilitySpec): string[] {
  const wire: [keyof PlanAvailabilitySpec, string][] = [
    ['visibility', 'visibility'],
    ['privateAudience', 'subscriptionAudiences'],
    ['hidden', 'isHidden'],
    ['markets', 'marketStates'],
    ['pricing', 'priceSchedules']
  ]
  return wire.filter(([field]) => spec[field] !== undefined).map(([, name]) => name)
}

const code = (market: string): string => market.toUpperCase()

function enabledMarkets(states: readonly MarketState[]): string[] {
  return states.filter(m => m.state === 'Enabled').map(m => m.marketCode)
}

/** The stated markets enabled, every other enabled one disabled, the rest as it was. */
function withMarkets(states: readonly MarketState[], markets: readonly string[]): MarketState[] {
  const wanted = new Set(markets.map(code))
  const next = states.map(m => {
    if (wanted.has(code(m.marketCode))) return { ...m, state: 'Enabled' }
    return m.state === 'Enabled' ? { ...m, state: 'Disabled' } : m
  })
  for (const market of wanted)
    if (!states.some(m => code(m.marketCode) === market))
      next.push({ marketCode: market, state: 'Enabled' })
  return next
}

/** One schedule for the markets at the USD price, one per market with its own price. */
function priceSchedules(pricing: MonthlyPricing, markets: readonly string[]): PriceScheduleGroup[] {
  const own = new Set(pricing.byMarket.map(m => code(m.market)))
  const rest = markets.map(code).filter(market => !own.has(market))
  return [
    ...(rest.length ? [monthly(rest, pricing.monthly, 'USD', 'Monthly price')] : []),
    ...pricing.byMarket.map(m =>
      monthly([code(m.market)], m.monthly, m.currency, `Monthly price, ${code(m.market)}`)
    )
  ]
}

function monthly(
  marketCodes: string[],
  price: number,
  currency: string,
  friendlyName: string
): PriceScheduleGroup {
  return {
    isBaseSchedule: false,
    marketCodes,
    friendlyName,
    schedules: [
      {
        retailPrice: { openPrice: price, currencyCode: currency },
        priceCadence: { type: 'Month', value: 1 },
        pricingModel: 'Recurring'
      }
    ]
  }
}

/**
 * Prices as comparable rows, one per market and schedule: how they are grouped, named or
 * repeated does not change what customers pay.
 */
function priceRows(groups: readonly PriceScheduleGroup[]): string[] {
  const rows = groups.flatMap(group =>
    (group.schedules ?? []).flatMap(s =>
      (group.marketCodes ?? []).map(market =>
        JSON.stringify([
          code(market),
          s.retailPrice?.openPrice ?? null,
          code(s.retailPrice?.currencyCode ?? ''),
          s.pricingModel ?? '',
          s.priceCadence?.type ?? '',
          s.priceCadence?.value ?? null
        ])
      )
    )
  )
  return [...new Set(rows)].sort()
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/** Subscription IDs (GUIDs) and market codes: compared as sets, in any case. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(id => id.toLowerCase()))
  const right = new Set(b.map(id => id.toLowerCase()))
  return left.size === right.size && [...left].every(id => right.has(id))
}
