// Statements of one transaction sent together (postgres.js pipelines them on the transaction's connection).

/**
 * For statements whose order does not matter: drizzle does not promise the order they reach the server in.
 * Fails only once all have finished: a statement started after the rollback would run outside the
 * transaction.
 */
export async function together<T extends readonly unknown[]>(
  statements: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as never;
}
