/** Polls `probe` until `holds` is true of its value; throws after `timeoutMs`, naming `what` and the last value seen. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  holds: (value: T) => boolean,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (holds(value)) return value;
    if (performance.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(value)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** waitUntil for a yes-or-no condition, checked in the test process (sync or async). */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<void> {
  await waitUntil(
    what,
    async () => condition(),
    (holds) => holds,
    timeoutMs,
    intervalMs,
  );
}
