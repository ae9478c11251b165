/**
 * Step 3: the draft instance of each module, offer-level and per plan, read from the branches.
 * Read fresh by every run (and again after waiting for someone else's submission): instance ids
 * may change once a submission is made, so they are never cached.
 */
import { PublishError } from '../errors.js'
import type { IngestionApi } from '../ingestion/api.js'
import type { Module } from '../ingestion/types.js'

export type DraftIds = Partial<Record<Module, string>>

export interface Drafts {
  offer: DraftIds
  /** Variant id → that plan's draft instances. The `testdrive` variant is left out. */
  plans: Map<string, DraftIds>
}

export async function readDrafts(
  api: IngestionApi,
  productId: string,
  modules: readonly Module[]
): Promise<Drafts> {
  const drafts: Drafts = { offer: {}, plans: new Map() }
  // One request per module (the API has no list of all branches); independent, so read together.
  const branches = await Promise.all(modules.map(module => api.getBranches(productId, module)))
  for (const [index, module] of modules.entries()) {
    for (const branch of branches[index]) {
      // Offer-level branches have no variantID property at all (not null).
      if (branch.variantID === undefined || branch.variantID === null) {
        drafts.offer[module] ??= branch.currentDraftInstanceID
      } else if (branch.variantID !== 'testdrive') {
        const plan = drafts.plans.get(branch.variantID) ?? {}
        plan[module] ??= branch.currentDraftInstanceID
        drafts.plans.set(branch.variantID, plan)
      }
    }
  }
  return drafts
}

/** The draft instance of a module, or DRAFT_NOT_FOUND naming what is missing. */
export function requireDraft(
  ids: DraftIds | undefined,
  module: Module,
  where: string,
  offerId: string
): string {
  const id = ids?.[module]
  if (!id) {
    throw new PublishError(
      'DRAFT_NOT_FOUND',
      `Partner Center has no ${module} draft for ${where}.`,
      {
        offerId,
        hint: 'Open the offer in Partner Center once to finish its setup, then run again.'
      }
    )
  }
  return id
}
