/** The emulated Entra token endpoints over real HTTP: success shapes and every AADSTS error. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  RESOURCE,
  TENANT,
  claimsOf,
  startEntra,
  type EntraHarness
} from './entra-harness.js'

const V1 = `/${TENANT}/oauth2/token`
const V2 = `/${TENANT}/oauth2/v2.0/token`
const v1Form = {
  grant_type: 'client_credentials',
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
  resource: RESOURCE
}
const v2Form = {
  grant_type: 'client_credentials',
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
  scope: `${RESOURCE}/.default`
}

let h: EntraHarness
beforeAll(async () => {
  h = await startEntra()
})
afterAll(async () => {
  await h.close()
})

interface AadErrorBody {
  error: string
  error_description: string
  error_codes: number[]
  timestamp: string
  trace_id: string
  correlation_id: string
  error_uri: string
}

async function expectAadError(
  response: Response,
  status: number,
  error: string,
  code: number
): Promise<AadErrorBody> {
  const body = (await response.json()) as AadErrorBody
  expect({ status: response.status, error: body.error, codes: body.error_codes }).toEqual({
    status,
    error,
    codes: [code]
  })
  expect(body.error_description.startsWith(`AADSTS${code}: `)).toBe(true)
  return body
}

describe('v1 token endpoint', () => {
  it('issues a token whose numeric fields are strings', async () => {
    const response = await h.postForm(V1, v1Form)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const body = (await response.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(
      [
        'access_token',
        'expires_in',
        'expires_on',
        'ext_expires_in',
        'not_before',
        'resource',
        'token_type'
      ].sort()
    )
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: '3600',
      ext_expires_in: '3600',
      resource: RESOURCE
    })
    expect(body.expires_on).toMatch(/^\d{10}$/)
    expect(body.not_before).toMatch(/^\d{10}$/)
    expect(Math.abs(Number(body.expires_on) - Date.now() / 1000 - 3600)).toBeLessThan(5)
    expect(claimsOf(String(body.access_token))).toMatchObject({
      aud: RESOURCE,
      iss: `https://sts.windows.net/${TENANT}/`,
      appid: CLIENT_ID,
      appidacr: '1',
      tid: TENANT,
      ver: '1.0'
    })
  })

  it('accepts a trailing slash on the resource', async () => {
    const response = await h.postForm(V1, { ...v1Form, resource: `${RESOURCE}/` })
    expect(response.status).toBe(200)
  })

  it('answers a wrong secret with 401 invalid_client AADSTS7000215', async () => {
    const response = await h.postForm(V1, { ...v1Form, client_secret: 'wrong' })
    const body = await expectAadError(response, 401, 'invalid_client', 7000215)
    expect(body.error_description).toContain('Invalid client secret provided')
  })

  it('answers an unknown app with 400 unauthorized_client AADSTS700016', async () => {
    const stranger = '11111111-2222-4333-8444-555555555555'
    const response = await h.postForm(V1, { ...v1Form, client_id: stranger })
    const body = await expectAadError(response, 400, 'unauthorized_client', 700016)
    expect(body.error_description).toContain(
      `Application with identifier '${stranger}' was not found in the directory '${TENANT}'`
    )
  })

  it('answers an unknown tenant with 400 invalid_tenant AADSTS90002', async () => {
    const other = '99999999-8888-4777-a666-555555555555'
    const response = await h.postForm(`/${other}/oauth2/token`, v1Form)
    const body = await expectAadError(response, 400, 'invalid_tenant', 90002)
    expect(body.error_description).toContain(`Tenant '${other}' not found`)
  })

  it('answers a tenant that is neither a GUID nor a domain with AADSTS900023', async () => {
    const response = await h.postForm('/not_a_tenant/oauth2/token', v1Form)
    await expectAadError(response, 400, 'invalid_request', 900023)
  })

  it.each(['grant_type', 'client_id', 'resource'])(
    'answers a missing %s with 400 invalid_request AADSTS900144',
    async field => {
      const form: Record<string, string> = { ...v1Form }
      delete form[field]
      const body = await expectAadError(await h.postForm(V1, form), 400, 'invalid_request', 900144)
      expect(body.error_description).toContain(`parameter: '${field}'`)
    }
  )

  it('answers a request without secret or assertion with AADSTS7000218', async () => {
    const form: Record<string, string> = { ...v1Form }
    delete form.client_secret
    await expectAadError(await h.postForm(V1, form), 401, 'invalid_client', 7000218)
  })

  it('answers another grant type with unsupported_grant_type AADSTS70003', async () => {
    const response = await h.postForm(V1, { ...v1Form, grant_type: 'password' })
    const body = await expectAadError(response, 400, 'unsupported_grant_type', 70003)
    expect(body.error_description).toContain("'password'")
  })

  it('answers another resource with 400 invalid_resource AADSTS500011', async () => {
    const response = await h.postForm(V1, { ...v1Form, resource: 'https://management.azure.com' })
    await expectAadError(response, 400, 'invalid_resource', 500011)
  })

  it('answers a GET with AADSTS900561', async () => {
    const response = await fetch(`${h.origin}${V1}`)
    await expectAadError(response, 400, 'invalid_request', 900561)
  })

  it('formats every error like Entra and echoes client-request-id as the correlation id', async () => {
    const correlation = 'c0ffee00-1234-4abc-8def-000000000001'
    const response = await fetch(`${h.origin}${V1}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'client-request-id': correlation
      },
      body: new URLSearchParams({ ...v1Form, client_secret: 'wrong' }).toString()
    })
    const body = await expectAadError(response, 401, 'invalid_client', 7000215)
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/)
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.correlation_id).toBe(correlation)
    expect(body.error_uri).toBe('https://login.microsoftonline.com/error?code=7000215')
    expect(
      body.error_description.endsWith(
        `\r\nTrace ID: ${body.trace_id}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${body.timestamp}`
      )
    ).toBe(true)
  })
})

describe('v2 token endpoint', () => {
  it('issues a token with numeric lifetimes and no resource fields', async () => {
    const response = await h.postForm(V2, v2Form)
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(
      ['access_token', 'expires_in', 'ext_expires_in', 'token_type'].sort()
    )
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 })
    expect(claimsOf(String(body.access_token)).aud).toBe(RESOURCE)
  })

  it('answers a scope without /.default with AADSTS1002012', async () => {
    const response = await h.postForm(V2, { ...v2Form, scope: RESOURCE })
    await expectAadError(response, 400, 'invalid_scope', 1002012)
  })

  it('answers another resource scope with AADSTS500011', async () => {
    const response = await h.postForm(V2, {
      ...v2Form,
      scope: 'https://graph.microsoft.com/.default'
    })
    await expectAadError(response, 400, 'invalid_resource', 500011)
  })

  it('answers a missing scope with AADSTS900144', async () => {
    const form: Record<string, string> = { ...v2Form }
    delete form.scope
    const body = await expectAadError(await h.postForm(V2, form), 400, 'invalid_request', 900144)
    expect(body.error_description).toContain("'scope'")
  })

  it('answers a wrong secret with AADSTS7000215', async () => {
    const response = await h.postForm(V2, { ...v2Form, client_secret: 'nope' })
    await expectAadError(response, 401, 'invalid_client', 7000215)
  })
})

describe('routing', () => {
  it('leaves other paths to the rest of the emulator', async () => {
    const response = await fetch(`${h.origin}/v1.0/ingestion/products`)
    expect(response.status).toBe(404)
  })

  it('records every access token it issues', async () => {
    const body = (await (await h.postForm(V2, v2Form)).json()) as { access_token: string }
    expect(h.entra.issued().accessTokens).toContain(body.access_token)
  })
})
