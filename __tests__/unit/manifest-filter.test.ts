import { describe, expect, test } from '@jest/globals'
import { isPublishError, type PublishError } from '../../src/errors.js'
import { offerFilter, selectOffers } from '../../src/manifest/filter.js'
import type { Manifest, OfferSpec } from '../../src/manifest/model.js'

const ids = ['contoso-analytics', 'contoso-managed-ops', 'contoso-bc-connector', 'fabrikam-tools']

function manifest(): Manifest {
  const offer = (offerId: string): OfferSpec => ({
    offerId,
    type: 'azure-solution-template',
    images: [],
    plans: [],
    source: { file: '/repo/marketplace.yml', line: 3 }
  })
  return { file: '/repo/marketplace.yml', offers: ids.map(offer) }
}

describe('offerFilter', () => {
  test('no patterns selects every offer', () => {
    expect(ids.filter(offerFilter([]))).toEqual(ids)
  })

  test('exact IDs and globs', () => {
    expect(ids.filter(offerFilter(['fabrikam-tools', 'contoso-*-ops']))).toEqual([
      'contoso-managed-ops',
      'fabrikam-tools'
    ])
    expect(ids.filter(offerFilter(['contoso-{analytics,bc-connector}']))).toEqual([
      'contoso-analytics',
      'contoso-bc-connector'
    ])
    expect(ids.filter(offerFilter(['contoso-?c-connector']))).toEqual(['contoso-bc-connector'])
  })

  test('an ID is not a prefix match', () => {
    expect(ids.filter(offerFilter(['contoso']))).toEqual([])
  })
})

describe('selectOffers', () => {
  test('keeps the selected offers in manifest order', () => {
    const selected = selectOffers(manifest(), ['fabrikam-*', 'contoso-analytics'])
    expect(selected.offers.map(o => o.offerId)).toEqual(['contoso-analytics', 'fabrikam-tools'])
    expect(selected.file).toBe('/repo/marketplace.yml')
  })

  test('a pattern that matches no offer is an input error naming it and the offers there are', () => {
    let error: unknown
    try {
      selectOffers(manifest(), ['contoso-*', 'contoso-analytic'])
    } catch (e) {
      error = e
    }
    expect(isPublishError(error)).toBe(true)
    expect((error as PublishError).code).toBe('INPUT_INVALID')
    expect((error as PublishError).message).toBe(
      'Input "offers": "contoso-analytic" matches no offer of the manifest'
    )
    expect((error as PublishError).details.hint).toContain('contoso-analytics, contoso-managed-ops')
  })
})
