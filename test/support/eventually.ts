/**
 * Reads until `accept` holds, for at most `withinMs`, and answers the last read. For what another
 * instance (or a change made in SQL, behind the application) learns through PostgreSQL
 * notifications: delivered after the commit, within about a millisecond, but not synchronously.
 */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, withinMs = 2_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
