// During a 418 ban nothing is sent at all, on any call, until the ban ends (by the injected clock).
export class BanGate {
  private until: number | null = null;

  constructor(private readonly clock: () => number) {}

  /** Records a ban that ends at `until` (epoch ms); a later end wins. */
  banUntil(until: number | null): void {
    if (until !== null && (this.until === null || until > this.until)) this.until = until;
  }

  /** The end of the ban in force, or null when sending is allowed. */
  heldUntil(): number | null {
    if (this.until !== null && this.clock() < this.until) return this.until;
    return null;
  }
}
