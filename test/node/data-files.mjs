/**
 * What the data tests share: reading the files in data/, finding them by the kind their "$schema"
 * names, and checking a file against its JSON Schema and the widgets' own (valibot) schema.
 * Not a test file itself: it only exports helpers.
 */
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as v from 'valibot';

const root = new URL('../../data/', import.meta.url);
export const read = (rel) => JSON.parse(readFileSync(new URL(rel, root), 'utf8'));
export const ajv = new Ajv({ allErrors: true, strict: false });

/** The JSON Schema validator of data/schema/<kind>.schema.json. */
export const jsonSchema = (kind) => ajv.compile(read(`schema/${kind}.schema.json`));

/** Every .json file in data/ (paths relative to it), data/schema/ left out. */
export function dataFiles(dir = '') {
  return readdirSync(new URL(dir || '.', root), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}${e.name}`;
    if (e.isDirectory()) return e.name === 'schema' ? [] : dataFiles(`${rel}/`);
    return e.name.endsWith('.json') ? [rel] : [];
  });
}

/** The kind a file's "$schema" names: "networks" for …/schema/networks.schema.json, "key-figures" for …/key-figures.schema.json. */
export const schemaOf = (file) => file.$schema?.match(/schema\/([\w-]+)\.schema\.json$/)?.[1];

/** Every data file whose "$schema" names the given kind. */
export const filesOfKind = (kind) => dataFiles().filter((rel) => schemaOf(read(rel)) === kind);

export const de = (text) => (typeof text === 'string' ? text : text?.de ?? '');
export const duplicates = (list) => list.filter((x, i) => list.indexOf(x) !== i);

/** Valid against the JSON Schema (`validate`) and the widgets' schema; failures name the file and the fields. */
export function assertValid(rel, file, validate, schema) {
  assert.ok(validate(file), `${rel}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  const result = v.safeParse(schema, file);
  assert.ok(result.success, `${rel}: ${JSON.stringify(result.issues?.map((i) => [i.path?.map((p) => p.key).join('.'), i.message]))}`);
}
