/** The service's error body (ingestion-v1.md §2.8) as serviceError builds it. */
import { describe, expect, it } from '@jest/globals'
import { serviceError } from '../../emulator/src/api/errors.js'
import { createSpecValidator } from '../../emulator/src/validate/spec.js'
import { createHarness } from './api-harness.js'
import { SPEC_FILE } from './recordings-fixture.js'

describe('serviceError', () => {
  it('builds the recorded ICH50400 string with embedded JSON', () => {
    const reply = serviceError(400, 'bad', { FeatureName: ['The field FeatureName is invalid.'] })
    expect(reply.status).toBe(400)
    const text = reply.body as string
    expect(text.startsWith('ICH50400 - Unable to complete request. {"faultCode":50400,')).toBe(true)
    const detail = JSON.parse(text.slice(text.indexOf('{')))
    expect(Object.keys(detail)).toEqual([
      'faultCode',
      'reasonPhrase',
      'correlationId',
      'operationId',
      'data'
    ])
    expect(detail.reasonPhrase).toBe('Request validation failed.')
    expect(detail.correlationId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    )
    expect(detail.operationId).toMatch(/^[0-9a-f]{32}$/)
    expect(detail.data).toEqual({ FeatureName: ['The field FeatureName is invalid.'] })
  })

  it.each([
    [404, 'ICH50404'],
    [409, 'ICH50409'],
    [412, 'ICH50412']
  ])('uses the analogous code for %i', (status, code) => {
    const reply = serviceError(status, 'message')
    expect((reply.body as string).startsWith(`${code} - Unable to complete request. `)).toBe(true)
    const detail = JSON.parse((reply.body as string).split('request. ')[1])
    expect(detail.faultCode).toBe(50000 + status)
    expect(detail.data).toEqual({ Request: ['message'] })
  })

  it('is what the model answers for unknown resources', async () => {
    const h = createHarness()
    const reply = await h.call('GET', '/products/00000000-0000-0000-0000-000000000000/variants')
    expect(reply.status).toBe(404)
    expect(reply.body as string).toMatch(/^ICH50404 - /)
    expect(reply.body as string).not.toMatch(/\bat .*\.ts:\d+/)
  })
})

describe('the model and the spec', () => {
  it('answers operations that the spec declares, under their exact keys', () => {
    const validator = createSpecValidator(SPEC_FILE)
    const keys = Object.keys(createHarness().model.operations)
    expect(keys.length).toBeGreaterThan(40)
    for (const key of keys) {
      const [method, template] = key.split(' ')
      const found = validator.validate({
        method,
        path: template,
        query: new URLSearchParams(),
        headers: {},
        body: undefined
      })
      expect(found.operation).toBe(key)
    }
  })
})
