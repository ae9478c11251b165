// Types of soak.mjs for the TypeScript test that runs it (__tests__/e2e/reliability-soak.test.ts).
export interface SoakRun {
  seed: number
  live: boolean
  status: string
  wallMs: number
  faulted: number
  requests: number
  duplicatePackages: number
  duplicateSubmissions: number
  extraPromotes: number
  error?: string
}

export interface SoakTotals {
  runs: number
  live: number
  duplicatePackages: number
  duplicateSubmissions: number
  extraPromotes: number
  faulted: number
  requests: number
  p50Ms: number
  p95Ms: number
}

export interface SoakResult {
  runs: SoakRun[]
  totals: SoakTotals
  cleanWallMs: number
}

export const SOAK_RATE: number
export const SOAK_KINDS: string[]
export function soakFaults(seed: number): string
export function soak(options: {
  seeds: number[]
  lanes?: number
  progress?: (line: string) => void
}): Promise<SoakResult>
export function describeTotals(result: SoakResult): string[]
