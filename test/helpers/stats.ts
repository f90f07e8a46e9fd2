/**
 * The range a binomial count falls in with overwhelming probability: mean ± z standard deviations
 * (z = 5: a false alarm once in ~3.5 million runs). With a fixed seed the count is deterministic
 * anyway; the bound is what makes the assertion meaningful for any seed.
 */
export function binomialBounds(samples: number, p: number, z = 5): { low: number; high: number } {
  const mean = samples * p;
  const spread = z * Math.sqrt(samples * p * (1 - p));
  return { low: Math.floor(mean - spread), high: Math.ceil(mean + spread) };
}
