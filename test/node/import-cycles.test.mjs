/**
 * No module of src/ imports itself through others. In a cycle, whichever module is loaded first sees
 * the other's exports before they are defined ("Cannot access … before initialization"): the order
 * then decides whether an element works, which the bundle hides and the per-module test server shows.
 * Type-only imports are left out (they vanish when compiled).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../src/', import.meta.url));

test('src/ has no circular imports', () => {
  const files = readdirSync(root, { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, f));
  const imports = new Map(
    files.map((f) => {
      const text = readFileSync(f, 'utf8');
      const deps = [...text.matchAll(/^(?:import|export)\s(?!type\b)[^;]*?from\s+'(\.[^']+)\.js'/gms)].map((m) => resolve(dirname(f), `${m[1]}.ts`));
      return [f, deps];
    }),
  );
  const cycles = [];
  const state = new Map(); // 1: on the current path, 2: done
  const visit = (f, path) => {
    state.set(f, 1);
    path.push(f);
    for (const d of imports.get(f) ?? []) {
      if (state.get(d) === 1) cycles.push(path.slice(path.indexOf(d)).map((x) => relative(root, x)).join(' → '));
      else if (!state.get(d)) visit(d, path);
    }
    path.pop();
    state.set(f, 2);
  };
  for (const f of files) if (!state.get(f)) visit(f, []);
  assert.deepEqual(cycles, []);
  assert.ok(imports.get(join(root, 'core/schema.ts')).includes(join(root, 'core/network-schema.ts')), 'the scan sees schema.ts re-export network-schema.ts');
});
