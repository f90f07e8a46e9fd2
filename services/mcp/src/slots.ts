/** A count of things running at once, with a bound: `take` is false when all slots are in use. */
export class Slots {
  private running = 0;

  constructor(readonly max: number) {}

  get inUse(): number {
    return this.running;
  }

  take(): boolean {
    if (this.running >= this.max) return false;
    this.running++;
    return true;
  }

  release(): void {
    if (this.running > 0) this.running--;
  }
}
