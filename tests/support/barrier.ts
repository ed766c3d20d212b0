/** Resolves when `count` callers have arrived: concurrent requests start together, not one by one. */
export function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === count) release();
    return gate;
  };
}
