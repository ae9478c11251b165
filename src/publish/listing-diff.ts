/**
 * The change a manifest listing makes to a Partner Center listing. Only fields the manifest states
 * are touched; everything else the service sent is kept, because a PUT replaces the whole object.
 *
 * `links` stated in the manifest are the full list of listing URIs. `contacts` replace the
 * contacts of the same type and keep the other types (a manifest that names only the support
 * contact does not remove the engineering contact).
 */
import type { ListingContactSpec, ListingLink, ListingSpec } from '../manifest/model.js'
import type { Listing, ListingContact, ListingUri } from '../ingestion/types.js'

export interface ListingUpdate {
  next: Listing
  /** Names of the fields that differ; empty when the listing already matches. */
  changed: string[]
}

const TEXT_FIELDS = [
  'title',
  'summary',
  'shortDescription',
  'description',
  'gettingStartedInstructions'
] as const

export function diffListing(current: Listing, spec: ListingSpec): ListingUpdate {
  const next: Listing = { ...current }
  const changed: string[] = []

  for (const field of TEXT_FIELDS) {
    const wanted = spec[field]
    if (wanted !== undefined && current[field] !== wanted) {
      next[field] = wanted
      changed.push(field)
    }
  }
  if (spec.keywords && !sameJson(current.keywords ?? [], spec.keywords)) {
    next.keywords = [...spec.keywords]
    changed.push('keywords')
  }
  if (spec.links) {
    const uris = spec.links.map(toListingUri)
    if (!sameJson(comparableUris(current.listingUris ?? []), uris)) {
      next.listingUris = uris
      changed.push('links')
    }
  }
  if (spec.contacts) {
    const contacts = mergeContacts(current.listingContacts ?? [], spec.contacts)
    if (!sameContacts(current.listingContacts ?? [], contacts)) {
      next.listingContacts = contacts
      changed.push('contacts')
    }
  }
  return { next, changed }
}

function toListingUri(link: ListingLink): ListingUri {
  return { type: link.type, displayText: link.displayText, uri: link.uri }
}

/** The fields the manifest can state, in the same key order, so JSON comparison is fair. */
function comparableUris(uris: ListingUri[]): ListingUri[] {
  return uris.map(u => ({ type: u.type, displayText: u.displayText, uri: u.uri }))
}

function mergeContacts(current: ListingContact[], wanted: ListingContactSpec[]): ListingContact[] {
  const statedTypes = new Set<string>(wanted.map(c => c.type))
  const kept = current.filter(c => !statedTypes.has(c.type))
  return [
    ...kept,
    ...wanted.map(c => {
      const existing = current.find(e => e.type === c.type)
      // Unstated contact fields keep what Partner Center has.
      return { ...existing, ...definedOnly(c) } as ListingContact
    })
  ]
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** Contacts compared by type and field values; their order in the list carries no meaning. */
function sameContacts(a: ListingContact[], b: ListingContact[]): boolean {
  const key = (list: ListingContact[]): string[] =>
    list.map(c => JSON.stringify(Object.entries(c).sort(([x], [y]) => x.localeCompare(y)))).sort()
  return sameJson(key(a), key(b))
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
