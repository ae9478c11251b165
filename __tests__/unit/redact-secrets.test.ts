import { describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'

const addMask = jest.fn<(value: string) => void>()
const { redact, redactUrl, registerSecret, setLogMasker } = await import('../../src/http/redact.js')
setLogMasker(addMask)

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyZXBvOmNvbnRvc28veCJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'

describe('redact', () => {
  it('masks a registered secret, also percent-encoded, and has the log masker mask it', () => {
    const secret = 'Emu8Q~local-dev-secret-Zx7Yq2Lm9Np4Rs6Tu8Vw'
    registerSecret(secret)
    expect(addMask).toHaveBeenCalledWith(secret)
    const form = new URLSearchParams({ client_id: 'c', secret_copy: secret }).toString()
    for (const text of [`secret is ${secret}!`, form, encodeURIComponent(secret)]) {
      expect(redact(text)).not.toContain('Zx7Yq2Lm9Np4Rs6Tu8Vw')
    }
  })

  it('ignores an empty secret instead of masking everything', () => {
    addMask.mockClear()
    registerSecret('')
    expect(addMask).not.toHaveBeenCalled()
    expect(redact('plain text')).toBe('plain text')
  })

  it('masks bearer tokens, access_token members and JWTs', () => {
    expect(redact('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer ***')
    expect(redact('{"token_type":"Bearer","access_token":"opaque\\"value"}')).toBe(
      '{"token_type":"Bearer","access_token":"***"}'
    )
    expect(redact(`assertion ${JWT} end`)).toBe('assertion *** end')
  })

  it('masks client_secret and client_assertion form fields', () => {
    expect(redact('grant_type=client_credentials&client_secret=s3cr%7Et&client_id=x')).toBe(
      'grant_type=client_credentials&client_secret=***&client_id=x'
    )
    expect(redact(`client_assertion=${JWT}&scope=y`)).toBe('client_assertion=***&scope=y')
  })

  it('masks SAS signatures in any URL, plain or encoded', () => {
    const sas =
      'https://ingestionpackagesprod1.blob.core.windows.net/file/305?sv=2018-03-28&sr=b&sig=q%2BabcDEF%3D&se=2026&sp=rwl'
    expect(redact(sas)).toBe(
      'https://ingestionpackagesprod1.blob.core.windows.net/file/305?sv=2018-03-28&sr=b&sig=***&se=2026&sp=rwl'
    )
    expect(redact('url%3Fsv%3D1%26sig%3DSECRET')).not.toContain('SECRET')
  })

  it('leaves skip tokens (base64 without dots) and ordinary text alone', () => {
    const link = 'v1.0/ingestion/products?$skipToken=eyJMYXN0SWQiOiJbe1widG9rZW5cIjpudWxsIn0'
    expect(redact(link)).toBe(link)
  })

  it('never lets a registered secret, a token or a signature survive, whatever surrounds them', () => {
    const secret = 'Xy9-registered-Secret-Value'
    registerSecret(secret)
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const out = redact(`${before}${secret}${after} Bearer ${JWT} ?sig=Sig123Value&x=1`)
        return !out.includes(secret) && !out.includes(JWT) && !out.includes('Sig123Value')
      })
    )
  })
})

describe('redactUrl', () => {
  it('keeps the origin and path, drops the query, fragment and user-info', () => {
    expect(redactUrl('https://user:pw@host.example/a/b?sig=x#frag')).toBe(
      'https://host.example/a/b'
    )
  })

  it('cuts text that is not a URL at the query', () => {
    expect(redactUrl('not a url?sig=secret')).toBe('not a url')
  })
})
