/**
 * The parts of the emulator's state (`GET /_emulator/state`, its store: emulator/src/api/store.ts)
 * the end-to-end tests assert on, for one product. The store keeps time-driven states
 * (processing, submission progress) as timestamps, so "uploaded" and "promoted" are read from
 * those.
 */
export interface OfferState {
  packages: Array<{ id: string; fileName: string; uploaded: boolean; validationItems: unknown[] }>
  /** The technical configurations of the product's current Package drafts (`variantID` on plan ones). */
  packageConfigurations: Array<{
    variantID?: string
    version?: string
    packageReferences: string[]
  }>
  submissions: Array<{ id: string; releaseNumber: number; promoted: boolean }>
  /** The current Availability drafts: the offer's preview audience, each plan's markets and prices. */
  availability: {
    previewAudience: string[]
    plans: Array<{ variantID: string; markets: string[]; prices: number[] }>
  }
}

type Json = Record<string, unknown>

export function offerState(state: Json, productId: string): OfferState {
  const products = (state.products ?? []) as Json[]
  const product = products.find(p => p.productId === productId)
  if (!product) throw new Error(`product ${productId} is not in the emulator state`)
  const drafts = product.drafts as Array<{ module: string; instanceID: string; variantID?: string }>
  const packageDrafts = new Map(
    drafts.filter(d => d.module === 'Package').map(d => [d.instanceID, d.variantID])
  )
  const resources = product.resources as Array<{ kind: string; instanceID: string; body: Json }>
  const availabilityDrafts = drafts.filter(d => d.module === 'Availability')
  const inDraft = (kind: string, variantID?: string): Json | undefined => {
    const draft = availabilityDrafts.find(d => d.variantID === variantID)
    return resources.find(r => r.kind === kind && r.instanceID === draft?.instanceID)?.body
  }
  const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
  return {
    packages: (
      product.packages as Array<{ body: Json; uploadedAt?: number; validationItems?: unknown[] }>
    ).map(p => ({
      id: String(p.body.id),
      fileName: String(p.body.fileName),
      uploaded: p.uploadedAt !== undefined,
      validationItems: p.validationItems ?? []
    })),
    packageConfigurations: resources
      .filter(r => r.kind === 'packageConfiguration' && packageDrafts.has(r.instanceID))
      .map(r => ({
        variantID: packageDrafts.get(r.instanceID),
        version: r.body.version as string | undefined,
        packageReferences: ((r.body.packageReferences as Array<{ value: string }>) ?? []).map(
          ref => ref.value
        )
      })),
    submissions: (product.submissions as Json[]).map(s => ({
      id: String(s.id),
      releaseNumber: Number(s.releaseNumber),
      promoted: s.promotedAt !== undefined
    })),
    availability: {
      previewAudience: list(inDraft('productAvailability')?.audiences).flatMap(a =>
        list(a.values).map(String)
      ),
      plans: availabilityDrafts
        .filter(d => d.variantID !== undefined)
        .map(({ variantID }) => {
          const plan = inDraft('featureAvailability', variantID)
          return {
            variantID: String(variantID),
            markets: list(plan?.marketStates)
              .filter(m => m.state === 'Enabled')
              .map(m => String(m.marketCode)),
            prices: list(plan?.priceSchedules).flatMap(g =>
              list(g.schedules).map(s => Number((s.retailPrice as Json | undefined)?.openPrice))
            )
          }
        })
    }
  }
}
