/**
 * The parts of the emulator's state (`GET /_emulator/state`) the end-to-end tests assert on, for
 * one product: its packages, the technical configurations of its Package drafts, its submissions.
 */
export interface OfferState {
  packages: Array<{ id: string; fileName: string; state: string }>
  /** Package ids referenced, per configuration. */
  packageConfigurations: Array<{ version?: string; packageReferences: string[] }>
  submissions: Array<{ id: string; state: string; substate: string }>
}

type Json = Record<string, unknown>

export function offerState(state: Json, productId: string): OfferState {
  const products = (
    Array.isArray(state.products) ? state.products : Object.values((state.products as Json) ?? {})
  ) as Json[]
  const product = products.find(
    p => p.id === productId || (p.product as Json | undefined)?.id === productId
  )
  if (!product) throw new Error(`product ${productId} is not in the emulator state`)
  const list = (key: string): Json[] => {
    const value = product[key]
    return (Array.isArray(value) ? value : Object.values((value as Json) ?? {})) as Json[]
  }
  return {
    packages: list('packages').map(p => ({
      id: String(p.id),
      fileName: String(p.fileName),
      state: String(p.state)
    })),
    packageConfigurations: list('packageConfigurations').map(c => ({
      version: c.version as string | undefined,
      packageReferences: ((c.packageReferences as Array<{ value: string }>) ?? []).map(r => r.value)
    })),
    submissions: list('submissions').map(s => ({
      id: String(s.id),
      state: String(s.state),
      substate: String(s.substate)
    }))
  }
}
