/**
 * What to do about each Entra ID error a publisher is likely to meet (ingestion-v1.md §1 and the
 * workload-identity-federation errors of GitHub OIDC). Keyed by the AADSTS code.
 */

const SUBJECT_FORMS =
  "The federated credential's subject must match the job exactly: 'repo:OWNER/REPO:ref:refs/tags/v1.2.3' for one tag " +
  "(a credential cannot match all tags), 'repo:OWNER/REPO:ref:refs/heads/main' for a branch, " +
  "'repo:OWNER/REPO:environment:NAME' when the job declares an environment, 'repo:OWNER/REPO:pull_request' for pull requests."

const HINTS: Record<string, string> = {
  AADSTS7000215:
    "The client-secret is wrong: pass the secret's Value (shown once when it was created), not its Secret ID, and check that it has not expired.",
  AADSTS7000222:
    "The client secret has expired: create a new one under the app registration's 'Certificates & secrets' and update the repository secret.",
  AADSTS700016:
    'No application with this client-id exists in this tenant: check client-id (the Application (client) ID) and that the app is registered in the tenant given as tenant-id.',
  AADSTS90002:
    'The tenant does not exist: check tenant-id (the Directory (tenant) ID of the Entra tenant linked to Partner Center).',
  AADSTS900144:
    'The token request lacked a required field: check that tenant-id, client-id and client-secret (or OIDC) inputs are not empty.',
  AADSTS7000218:
    'The token request carried neither a secret nor an assertion: set the `client-secret` input, or use GitHub OIDC with a federated credential.',
  AADSTS500011:
    'The Partner Center API is not available in this tenant: check tenant-id and that the tenant is linked to a Partner Center account.',
  AADSTS700211:
    "The GitHub token's issuer matches no federated credential: add one with issuer 'https://token.actions.githubusercontent.com' to the app registration.",
  AADSTS700213: `The GitHub token's subject matches no federated credential on the app. ${SUBJECT_FORMS}`,
  AADSTS700212:
    "The GitHub token's audience matches no federated credential: the `oidc-audience` input must equal the credential's audience (default 'api://AzureADTokenExchange').",
  AADSTS700024:
    'The GitHub token was outside its valid time range (expired, or the clocks differ): run the job again; the action requests a fresh token for each exchange.'
}

const GENERIC =
  'Check tenant-id, client-id and the credential (client-secret, or the federated credential for GitHub OIDC).'

export function entraHint(code: string | undefined): string {
  return (code && HINTS[code.toUpperCase()]) || GENERIC
}
