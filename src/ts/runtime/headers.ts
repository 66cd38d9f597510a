// Response headers, case-insensitive, every value kept.
import { inspect } from 'node:util';

export class ResponseHeaders {
  static readonly EMPTY = new ResponseHeaders([]);
  private readonly byName = new Map<string, string[]>();

  constructor(entries: Iterable<readonly [string, string]>) {
    for (const [name, value] of entries) {
      const key = name.toLowerCase();
      const list = this.byName.get(key);
      if (list) list.push(value); else this.byName.set(key, [value]);
    }
  }

  static fromFetch(h: Headers): ResponseHeaders {
    const entries: Array<[string, string]> = [];
    h.forEach((value, name) => entries.push([name, value]));
    return new ResponseHeaders(entries);
  }

  /** The first value of a header, or null. */
  first(name: string): string | null {
    const v = this.byName.get(name.toLowerCase());
    return v && v.length ? v[0]! : null;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  toJSON(): Record<string, string[]> {
    return Object.fromEntries(this.byName);
  }

  [inspect.custom](): string {
    return `ResponseHeaders ${inspect(this.toJSON())}`;
  }
}
