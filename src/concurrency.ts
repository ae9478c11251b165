/**
 * Bounded concurrency for independent work: offers published side by side, files uploaded side
 * by side, blocks of one file. One helper so every caller gets the same failure rule.
 */

/**
 * Runs `fn` over `items` with at most `limit` calls in flight and resolves with the results in
 * input order.
 *
 * On the first rejection no further item is started, but the calls already in flight are allowed
 * to finish (an upload or a write half-way through is not abandoned mid-request); then the
 * returned promise rejects with that first error. Callers that want every item to run whatever
 * happens to the others catch inside `fn`.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const width = Math.max(1, Math.min(Math.floor(limit) || 1, items.length))
  const results = new Array<R>(items.length)
  let next = 0
  let failure: { error: unknown } | undefined

  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++
      try {
        results[index] = await fn(items[index], index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }

  await Promise.all(Array.from({ length: width }, worker))
  if (failure !== undefined) throw failure.error
  return results
}
