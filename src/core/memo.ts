/**
 * A value computed from a key — a list of inputs compared by identity — and kept until a part of the key
 * changes. Elements keep their layout in one, so the layout is only computed again when its inputs change.
 * `clear` forgets the key with the value: a widget hidden (width 0) and shown again at its old width is
 * laid out anew instead of keeping an empty drawing because "nothing changed".
 */
export class Memo<T> {
  private key: readonly unknown[] = [];
  value: T | undefined;

  /** Computes the value when the key differs from the last one; true when it did. */
  update(key: readonly unknown[], compute: () => T): boolean {
    if (this.value !== undefined && key.length === this.key.length && key.every((k, i) => k === this.key[i])) return false;
    this.key = key;
    this.value = compute();
    return true;
  }

  clear(): void {
    this.key = [];
    this.value = undefined;
  }
}
