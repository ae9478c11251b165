/** The emulated directory: one tenant, its app registrations and their credentials. */

export interface FederatedCredential {
  /** `builtin` = the emulator's own GitHub OIDC test issuer; otherwise an issuer URL. */
  issuer: string
  subject: string
  audiences: string[]
}

export interface EntraApp {
  clientId: string
  clientSecret?: string
  displayName?: string
  federatedCredentials?: FederatedCredential[]
}

export interface EntraOptions {
  tenantId: string
  apps: EntraApp[]
  tokenLifetimeSeconds: number
  /** The resource tokens are issued for by default: `https://api.partner.microsoft.com`. */
  resource: string
  /** Further resources tokens are issued for (`https://graph.microsoft.com`, product ingestion). */
  otherResources?: readonly string[]
  /** The emulator's origin, e.g. `http://127.0.0.1:8645`; known only after it listens. */
  origin: () => string
  /** Milliseconds since the epoch. */
  now: () => number
  /** The default `sub` of GitHub OIDC tokens the test issuer mints. */
  oidcSubject: string
}
