/**
 * The action's inputs (or the CLI's flags and environment) as one typed object. Nothing else in
 * src/ reads inputs. Parsing is pure: `parseSettings(read)` takes a reader so the action
 * (core.getInput), the CLI (flags + env) and tests share one implementation.
 */

export type Target = 'draft' | 'preview' | 'live'
export type OnConflict = 'fail' | 'wait'

export interface Settings {
  tenantId: string
  clientId: string
  /** Absent when GitHub OIDC is used instead. */
  clientSecret?: string
  /** Audience of the GitHub OIDC token (default `api://AzureADTokenExchange`). */
  oidcAudience: string
  /** Absolute path of the manifest. */
  manifestPath: string
  target: Target
  /** `1.2.3` from the input, else from `refs/tags/v1.2.3`; undefined when neither gives one. */
  version?: string
  /** Offer IDs or globs; empty = every offer in the manifest. */
  offers: string[]
  dryRun: boolean
  wait: boolean
  timeoutMinutes: number
  onConflict: OnConflict
  /** Origin without path, e.g. `https://login.microsoftonline.com`. */
  authorityHost: string
  /** e.g. `https://api.partner.microsoft.com/v1.0/ingestion`. */
  apiBaseUrl: string
  /** Offers published at once (bounded concurrency). */
  concurrency: number
}

/** Reads one raw input by its kebab-case name; '' when not given. */
export type InputReader = (name: string) => string
