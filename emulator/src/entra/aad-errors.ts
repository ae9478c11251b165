/**
 * Entra ID token-endpoint errors: one JSON shape for all of them (ingestion-v1.md §1), with the
 * AADSTS codes, `error` values, HTTP statuses and texts seen in recorded Entra responses.
 * Entries marked "inferred" were not seen with this exact status or wording.
 */
import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'

export interface AadError {
  status: number
  error: string
  code: number
  message: string
}

const DOCS = 'https://docs.microsoft.com/azure/active-directory/develop'
const FEDERATION_HINT =
  'Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ' +
  `${DOCS}/workload-identity-federation`

export const aad = {
  /** Recorded: MSAL test fixtures and ingestion-v1.md §1. */
  missingParameter: (name: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 900144,
    message: `The request body must contain the following parameter: '${name}'.`
  }),
  missingClientCredential: (): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    message:
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
  }),
  methodNotAllowed: (method: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 900561,
    message: `The endpoint only accepts POST, OPTIONS requests. Received a ${method} request.`
  }),
  unsupportedGrantType: (grantType: string): AadError => ({
    status: 400,
    error: 'unsupported_grant_type',
    code: 70003,
    message: `The app requested an unsupported grant type '${grantType}'.`
  }),
  malformedTenant: (tenant: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 900023,
    message: `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`
  }),
  /** `invalid_tenant` since 2023; older responses said `invalid_request` (ingestion-v1.md §1). */
  unknownTenant: (tenant: string): AadError => ({
    status: 400,
    error: 'invalid_tenant',
    code: 90002,
    message:
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. ` +
      'Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.'
  }),
  unknownApplication: (clientId: string, tenant: string): AadError => ({
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    message:
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. ` +
      'This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. ' +
      'You may have sent your authentication request to the wrong tenant.'
  }),
  wrongSecret: (clientId: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000215,
    message:
      'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, ' +
      `not the client secret ID, for a secret added to app '${clientId}'.`
  }),
  /** The status is inferred: the code and text are recorded, the 400 comes from the v1 table. */
  unknownResource: (resource: string, tenant: string): AadError => ({
    status: 400,
    error: 'invalid_resource',
    code: 500011,
    message:
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. ` +
      'This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. ' +
      'You might have sent your authentication request to the wrong tenant.'
  }),
  scopeWithoutDefault: (scope: string): AadError => ({
    status: 400,
    error: 'invalid_scope',
    code: 1002012,
    message:
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value ` +
      'with /.default suffixed to the resource identifier (application ID URI).'
  }),
  /** Client assertions (workload identity federation). Codes and texts as recorded in issues;
   *  the 401 status for `invalid_client` is inferred from AADSTS7000215 and AADSTS7002137. */
  malformedAssertion: (): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 50027,
    message: 'JWT token is invalid or malformed.'
  }),
  noFederatedCredentials: (clientId: string, displayName: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 70025,
    message: `The client '${clientId}'(${displayName}) has no configured federated identity credentials.`
  }),
  assertionIssuerMismatch: (issuer: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 700211,
    message: `No matching federated identity record found for presented assertion issuer '${issuer}'. ${FEDERATION_HINT}`
  }),
  assertionSubjectMismatch: (subject: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 700213,
    message: `No matching federated identity record found for presented assertion subject '${subject}'. ${FEDERATION_HINT}`
  }),
  assertionAudienceMismatch: (audience: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 700212,
    message: `No matching federated identity record found for presented assertion audience '${audience}'. ${FEDERATION_HINT}`
  }),
  /** Recorded for OBO and certificate assertions as AADSTS50013; for federated ones inferred. */
  assertionSignature: (): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 50013,
    message:
      'Assertion failed signature validation. [Reason - Key was found, but use of the key to verify the signature failed.]'
  }),
  assertionTimeRange: (now: Date, notBefore: Date, expiry: Date): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 700024,
    message:
      `Client assertion is not within its valid time range. Current time: ${longIso(now)}, ` +
      `assertion valid from ${longIso(notBefore)}, expiry time of assertion ${longIso(expiry)}. ` +
      `Review the documentation at ${DOCS}/active-directory-certificate-credentials .`
  })
}

/**
 * Writes the error in Entra's shape. `correlationId` echoes the client's `client-request-id`
 * when it sent one, as Entra does; otherwise a fresh GUID.
 */
export function sendAadError(
  res: ServerResponse,
  failure: AadError,
  nowMs: number,
  correlationId: string = randomUUID()
): void {
  const traceId = randomUUID()
  const timestamp = aadTimestamp(new Date(nowMs))
  const body = {
    error: failure.error,
    error_description:
      `AADSTS${failure.code}: ${failure.message}\r\nTrace ID: ${traceId}\r\n` +
      `Correlation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [failure.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${failure.code}`
  }
  sendTokenEndpointJson(res, failure.status, body, traceId, correlationId)
}

export function sendTokenEndpointJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  correlationId: string
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store, no-cache',
    pragma: 'no-cache',
    'x-ms-request-id': requestId,
    'client-request-id': correlationId
  })
  res.end(text)
}

/** `YYYY-MM-DD hh:mm:ssZ`, the `timestamp` format of Entra errors. */
export function aadTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`
}

/** `2023-12-11T23:52:19.6223401Z`: the seven-digit fraction AADSTS700024 prints. */
function longIso(date: Date): string {
  return `${date.toISOString().slice(0, 23)}0000Z`
}
