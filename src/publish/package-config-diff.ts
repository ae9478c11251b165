/**
 * The technical configuration a plan (Azure) or offer (Business Central) should have: the new
 * package referenced in place of the old one of the same type (other references kept), the
 * version, and for managed applications the fields the manifest states.
 */
import type { PackageConfiguration, TypeValuePair } from '../ingestion/types.js'
import type { ManagedAppConfigSpec } from '../manifest/model.js'

export interface PackageConfigChange {
  version?: string
  /** Package type → new package id. */
  references: Record<string, string>
  managedApp?: ManagedAppConfigSpec
}

export function diffPackageConfig(
  current: PackageConfiguration,
  change: PackageConfigChange
): { next: PackageConfiguration; changed: string[] } {
  const next: PackageConfiguration = { ...current }
  const changed: string[] = []

  if (change.version !== undefined && current.version !== change.version) {
    next.version = change.version
    changed.push('version')
  }
  const references = replaceReferences(current.packageReferences ?? [], change.references)
  if (JSON.stringify(references) !== JSON.stringify(current.packageReferences ?? [])) {
    next.packageReferences = references
    changed.push('packageReferences')
  }
  if (change.managedApp) {
    for (const [key, value] of Object.entries(change.managedApp)) {
      if (value === undefined) continue
      if (JSON.stringify(current[key]) !== JSON.stringify(value)) {
        next[key] = value
        changed.push(key)
      }
    }
  }
  return { next, changed }
}

function replaceReferences(
  current: TypeValuePair[],
  wanted: Record<string, string>
): TypeValuePair[] {
  const kept = current.filter(r => !(r.type in wanted))
  const unchanged = Object.entries(wanted).every(([type, value]) =>
    current.some(r => r.type === type && r.value === value)
  )
  // Keep the original order when nothing changes, so an unchanged configuration compares equal.
  if (unchanged && kept.length + Object.keys(wanted).length === current.length) return current
  return [...kept, ...Object.entries(wanted).map(([type, value]) => ({ type, value }))]
}
