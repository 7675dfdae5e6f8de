/**
 * A dense score buffer that remembers which slots were touched, so clearing it and walking its
 * non-zero entries costs O(touched) instead of O(catalog). Made once per model and reused by every
 * request (JavaScript runs a synchronous `recommend` to completion, so sharing is safe).
 */
export class SparseAccumulator {
  readonly values: Float64Array;
  readonly touched: Int32Array;
  private readonly seen: Uint8Array;
  count = 0;

  constructor(readonly size: number) {
    this.values = new Float64Array(size);
    this.touched = new Int32Array(size);
    this.seen = new Uint8Array(size);
  }

  add(i: number, v: number): void {
    if (this.seen[i] === 0) {
      this.seen[i] = 1;
      this.touched[this.count++] = i;
    }
    this.values[i]! += v;
  }

  /**
   * Resets, then holds exactly these items (distinct, as a touched list is) with these values, in
   * this touched order: a stored sum restored without an add per entry.
   */
  assign(items: Int32Array, values: Float64Array): void {
    this.reset();
    const n = items.length;
    this.touched.set(items);
    for (let t = 0; t < n; t++) {
      const i = items[t]!;
      this.seen[i] = 1;
      this.values[i] = values[t]!;
    }
    this.count = n;
  }

  /** Zeroes the touched slots only. */
  reset(): void {
    for (let t = 0; t < this.count; t++) {
      const i = this.touched[t]!;
      this.values[i] = 0;
      this.seen[i] = 0;
    }
    this.count = 0;
  }
}
