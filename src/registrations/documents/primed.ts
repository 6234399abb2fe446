/**
 * Starts a sequence of batches and waits for its first batch, so that a failing query fails the
 * request before a byte of the document is sent; then hands out the items one by one.
 */
export async function primed<T>(batches: AsyncGenerator<T[]>): Promise<AsyncIterable<T>> {
  const first = await batches.next();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        if (first.done) return;
        yield* first.value;
        for await (const batch of batches) yield* batch;
      } finally {
        // Abandoned early (the client went away): close the cursor and give the connection back.
        await batches.return(undefined);
      }
    },
  };
}

/** Every item of a sequence of batches, in memory (sheets of a few hundred names). */
export async function collect<T>(batches: AsyncGenerator<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}
