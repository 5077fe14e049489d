/**
 * The inputs a computed value depends on, compared part by part by identity. Elements keep one per
 * derived value (model, layout) so it is only computed again when one of its inputs changes.
 */
export class Key {
  #parts: readonly unknown[] = [];

  /** True — and `next` becomes the remembered key — when it differs from the last key in any part. */
  changed(next: readonly unknown[]): boolean {
    if (next.length === this.#parts.length && next.every((k, i) => k === this.#parts[i])) return false;
    this.#parts = next;
    return true;
  }

  /** True while `key` is the one last remembered: work started for it (e.g. a later task) is still wanted. */
  is(key: readonly unknown[]): boolean {
    return key === this.#parts;
  }

  clear(): void {
    this.#parts = [];
  }
}

/**
 * A value computed from a key and kept until a part of the key changes. Elements keep their layout in
 * one. `clear` forgets the key with the value: a widget hidden (width 0) and shown again at its old
 * width is laid out anew instead of keeping an empty drawing because "nothing changed".
 */
export class Memo<T> {
  readonly #key = new Key();
  value: T | undefined;

  /** Computes the value when the key differs from the last one (or nothing is kept); true when it did. */
  update(key: readonly unknown[], compute: () => T): boolean {
    if (!this.#key.changed(key) && this.value !== undefined) return false;
    this.value = compute();
    return true;
  }

  clear(): void {
    this.#key.clear();
    this.value = undefined;
  }
}
