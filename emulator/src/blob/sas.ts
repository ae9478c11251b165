/**
 * Service SAS for one blob, shaped like the ones the Ingestion API hands out (recordings):
 * `?sv=2018-03-28&sr=b&sig=…&se=…&sp=rwl` for uploads, and for the read-back URI after
 * `Uploaded` an unnamed leading item (the issue time), lower-case escapes and `sp=rl`.
 *
 * Signed by hand rather than with the SDK's generateBlobSASQueryParameters because that refuses
 * `l` on a blob SAS, which the service does issue. The string-to-sign follows the three layouts
 * Storage (and Azurite) verify: before 2018-11-09, from 2018-11-09, and from 2020-12-06.
 */
import { createHmac } from 'node:crypto'

export interface BlobSasRequest {
  account: string
  accountKey: string
  container: string
  blob: string
  permissions: string
  expiresOn: Date
  version: string
}

export interface BlobSas {
  signature: string
  /** Decoded values in the order the service writes them. */
  params: Array<[name: string, value: string]>
}

export function signBlobSas(r: BlobSasRequest): BlobSas {
  const expiry = isoSeconds(r.expiresOn)
  const common = [
    r.permissions,
    '', // signedStart: the service's upload SAS has none
    expiry,
    `/blob/${r.account}/${r.container}/${r.blob}`,
    '', // signedIdentifier
    '', // signedIP
    '', // signedProtocol
    r.version
  ]
  const resourceFields =
    r.version >= '2020-12-06'
      ? ['b', '', ''] // signedResource, signedSnapshotTime, signedEncryptionScope
      : r.version >= '2018-11-09'
        ? ['b', '']
        : []
  const responseHeaders = ['', '', '', '', ''] // rscc, rscd, rsce, rscl, rsct
  const stringToSign = [...common, ...resourceFields, ...responseHeaders].join('\n')
  const signature = createHmac('sha256', Buffer.from(r.accountKey, 'base64'))
    .update(stringToSign, 'utf8')
    .digest('base64')
  return {
    signature,
    params: [
      ['sv', r.version],
      ['sr', 'b'],
      ['sig', signature],
      ['se', expiry],
      ['sp', r.permissions]
    ]
  }
}

/** `sv=…&sr=b&sig=…&se=…&sp=…` with upper-case escapes, as in the upload SAS. */
export function uploadQuery(sas: BlobSas): string {
  return sas.params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
}

/**
 * The read-back form: `06%2f18%2f2023+22%3a37%3a37&sv=…` (an unnamed issue-time item first, then
 * the SAS with lower-case escapes). Clients must treat it as opaque; this shape checks they do.
 */
export function readBackQuery(sas: BlobSas, issuedAt: Date): string {
  const lower = (text: string): string =>
    encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, escape => escape.toLowerCase())
  const issued = lower(usDateTime(issuedAt)).replace(/%20/g, '+')
  return [issued, ...sas.params.map(([name, value]) => `${name}=${lower(value)}`)].join('&')
}

/** `2023-06-19T22:52:35Z`: ISO 8601 without fractions, as SAS times are written. */
function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

/** `06/18/2023 22:37:37` in UTC. */
function usDateTime(date: Date): string {
  const iso = date.toISOString()
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`
}
