import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { isPublishError } from '../../src/errors.js'
import { httpError } from '../../src/http/http-error.js'
import { parseServiceError } from '../../src/http/service-error.js'
import type { HttpRequest, HttpResponse } from '../../src/http/types.js'

const request: HttpRequest = {
  method: 'POST',
  url: 'https://api.partner.microsoft.com/v1.0/ingestion/products/p1/setup?$filter=secret-ish',
  phase: 'write',
  retry: false
}

function response(status: number, text: string, requestId = 'rid-1'): HttpResponse {
  return { status, text, headers: { 'request-id': requestId }, requestId }
}

// The one error body in the recordings (recordings-catalogue.md §7), as sent: a JSON string literal.
const ICH_BODY = JSON.stringify(
  'ICH50400 - Unable to complete request. ' +
    JSON.stringify({
      faultCode: 50400,
      reasonPhrase: 'Request validation failed.',
      correlationId: '808f5191-e926-4ba0-b167-d1c0f04ebca8',
      operationId: '1cdfd6fbf1a6b992666e80aa9e781e13',
      data: { FeatureName: ['The field FeatureName is invalid.'] }
    })
)

describe('parseServiceError', () => {
  it('reads the ICH code, the reason and the field errors of a JSON string body', () => {
    expect(parseServiceError(ICH_BODY)).toEqual({
      code: 'ICH50400',
      message:
        'Unable to complete request. Request validation failed. FeatureName: The field FeatureName is invalid.'
    })
  })

  it('reads a .NET exception text with embedded ResponseContent', () => {
    const body = JSON.stringify(
      'Microsoft.Ingestion.Shared.WebApi.Client.ErrorHandler.RestClientException: Product request failed, API=GetProduct, ' +
        'HttpStatusCode=BadRequest, ResponseContent={"errors":{"x-ms-publisherId":["The header is required."]},"status":400,"title":"One or more validation errors occurred."}'
    )
    expect(parseServiceError(body)).toEqual({
      code: 'RestClientException',
      message:
        'Product request failed, API=GetProduct, HttpStatusCode=BadRequest One or more validation errors occurred. x-ms-publisherId: The header is required.'
    })
  })

  it('reads plain text', () => {
    expect(parseServiceError('The API you have called is not applicable for this product')).toEqual(
      {
        message: 'The API you have called is not applicable for this product'
      }
    )
  })

  it('reads an object with code, message and details', () => {
    const body = JSON.stringify({
      code: 'InvalidState',
      message: 'Create submission failed, status code Conflict',
      details: [{ message: 'A submission is in progress.' }, 'Try later.'],
      target: 'submission'
    })
    expect(parseServiceError(body)).toEqual({
      code: 'InvalidState',
      message:
        'Create submission failed, status code Conflict A submission is in progress. Try later.'
    })
  })

  it('reads an OData error object', () => {
    expect(parseServiceError('{"error":{"code":"NotFound","message":"No such product."}}')).toEqual(
      {
        code: 'NotFound',
        message: 'No such product.'
      }
    )
  })

  it('reads an Entra error: the AADSTS code and the first line of the description', () => {
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description:
        'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: t\r\nCorrelation ID: c\r\nTimestamp: 2026-01-01 00:00:00Z',
      error_codes: [7000215]
    })
    const parsed = parseServiceError(body)
    expect(parsed.code).toBe('AADSTS7000215')
    expect(parsed.message).toMatch(/^AADSTS7000215: Invalid client secret provided\./)
    expect(parsed.message).not.toContain('Trace ID')
  })

  it('takes the code from error_codes when the description lacks it', () => {
    expect(
      parseServiceError(
        '{"error":"invalid_request","error_description":"Bad.","error_codes":[90002]}'
      ).code
    ).toBe('AADSTS90002')
  })

  it('reads a Storage XML error', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.\nRequestId:1</Message></Error>'
    expect(parseServiceError(xml)).toEqual({
      code: 'AuthenticationFailed',
      message: 'Server failed to authenticate the request.'
    })
  })

  it('gives nothing for an empty body and shortens huge ones', () => {
    expect(parseServiceError('')).toEqual({})
    expect(parseServiceError('x'.repeat(10_000)).message!.length).toBeLessThanOrEqual(600)
  })
})

describe('httpError', () => {
  it('builds HTTP_STATUS with what we did, the service code, request id, method and path without query', () => {
    const error = httpError(request, response(400, ICH_BODY), "update the setup of offer 'contoso'")
    expect(error.code).toBe('HTTP_STATUS')
    expect(error.message).toBe(
      "Could not update the setup of offer 'contoso': POST /v1.0/ingestion/products/p1/setup answered HTTP 400: " +
        'ICH50400 Unable to complete request. Request validation failed. FeatureName: The field FeatureName is invalid. (request-id rid-1)'
    )
    expect(error.details).toMatchObject({
      method: 'POST',
      path: '/v1.0/ingestion/products/p1/setup',
      status: 400,
      serviceCode: 'ICH50400',
      requestId: 'rid-1'
    })
    expect(error.message).not.toContain('$filter')
  })

  it('quotes the x-ms-request-id of Entra ID and Storage replies', () => {
    const storage: HttpResponse = {
      status: 403,
      text: '<Error><Code>AuthenticationFailed</Code></Error>',
      headers: { 'x-ms-request-id': 'ms-9' }
    }
    const error = httpError({ ...request, method: 'PUT' }, storage, 'upload app.zip')
    expect(error.details).toMatchObject({ requestId: 'ms-9', serviceCode: 'AuthenticationFailed' })
    expect(error.message).toContain('(request-id ms-9)')
  })

  it('adds a hint for statuses a person can act on', () => {
    expect(httpError(request, response(401, ''), 'x').details.hint).toMatch(/Manager role/)
    expect(httpError(request, response(409, ''), 'x').details.hint).toMatch(/in progress/)
    expect(httpError(request, response(503, ''), 'x').details.hint).toMatch(/transient/)
  })

  it('never puts a token or a SAS signature into the message', () => {
    const body =
      'Bad token Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl for https://b.blob.core.windows.net/f/1?sv=1&sig=AbC%2Bdef'
    const error = httpError(request, response(401, body), 'x')
    expect(error.message).not.toMatch(/eyJ|AbC%2Bdef/)
  })

  it('never throws and always returns a PublishError, whatever the body', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map(v => JSON.stringify(JSON.stringify(v))),
          fc.string().map(s => `"ICH${s}- {${s}}"`),
          fc.string().map(s => `<Error><Code>${s}</Code>`)
        ),
        fc.integer({ min: 100, max: 599 }),
        (text, status) => {
          const error = httpError(request, response(status, text), 'do something')
          return (
            isPublishError(error) && error.code === 'HTTP_STATUS' && error.details.status === status
          )
        }
      )
    )
  })

  it('copes with a response whose fields are not what the type says', () => {
    const broken = { status: 500, text: undefined, headers: undefined } as unknown as HttpResponse
    expect(httpError(request, broken, 'x').details.status).toBe(500)
  })
})
