import { describe, expect, it } from '@jest/globals'
import { diffListing } from '../../src/publish/listing-diff.js'
import type { Listing } from '../../src/ingestion/types.js'

const source = { file: '/m.yml', line: 1 }
const current: Listing = {
  resourceType: 'AzureListing',
  id: 'l1',
  '@odata.etag': '"e1"',
  languageCode: 'en-us',
  title: 'Old',
  summary: 'Same',
  keywords: ['a'],
  publisherName: 'Contoso',
  listingContacts: [
    { type: 'Engineering', email: 'eng@contoso.com', name: 'Eng' },
    { type: 'CustomerSupport', email: 'old@contoso.com', name: 'Support', phone: '123' }
  ]
}

describe('diffListing', () => {
  it('changes only the fields the manifest states and keeps everything else for the PUT', () => {
    const { next, changed } = diffListing(current, { title: 'New', summary: 'Same', source })
    expect(changed).toEqual(['title'])
    expect(next).toEqual({ ...current, title: 'New' })
  })

  it('reports no change when the listing already matches', () => {
    expect(diffListing(current, { title: 'Old', keywords: ['a'], source }).changed).toEqual([])
  })

  it('replaces contacts of the stated type, keeping their unstated fields and the other types', () => {
    const { next, changed } = diffListing(current, {
      contacts: [{ type: 'CustomerSupport', email: 'help@contoso.com' }],
      source
    })
    expect(changed).toEqual(['contacts'])
    expect(next.listingContacts).toEqual([
      { type: 'Engineering', email: 'eng@contoso.com', name: 'Eng' },
      { type: 'CustomerSupport', email: 'help@contoso.com', name: 'Support', phone: '123' }
    ])
  })

  it('does not see a change in contacts listed in another order', () => {
    const contacts = [
      { type: 'CustomerSupport' as const, email: 'old@contoso.com', name: 'Support', phone: '123' },
      { type: 'Engineering' as const, email: 'eng@contoso.com', name: 'Eng' }
    ]
    expect(diffListing(current, { contacts, source }).changed).toEqual([])
  })

  it('treats the stated links as the whole list of listing URIs', () => {
    const withUris: Listing = {
      ...current,
      listingUris: [{ type: 'Documentation', displayText: 'Docs', uri: 'https://a', subtype: 'x' }]
    }
    const { next, changed } = diffListing(withUris, {
      links: [{ type: 'PrivacyUri', displayText: 'Privacy', uri: 'https://p' }],
      source
    })
    expect(changed).toEqual(['links'])
    expect(next.listingUris).toEqual([
      { type: 'PrivacyUri', displayText: 'Privacy', uri: 'https://p' }
    ])
    expect(
      diffListing(withUris, {
        links: [{ type: 'Documentation', displayText: 'Docs', uri: 'https://a' }],
        source
      }).changed
    ).toEqual([])
  })
})
