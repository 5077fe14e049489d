import { readFileSync, rmSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyLiterals } from './scripts/minify-literals.mjs';

/** One entry per element, so bundler users can import only what they use. */
const elements = {
  index: 'src/index.ts',
  'indicator-bar': 'src/indicator-bar/indicator-bar.ts',
  'sozialraum-map': 'src/sozialraum-map/sozialraum-map.ts',
  'trend-chart': 'src/trend-chart/trend-chart.ts',
  'milestone-timeline': 'src/milestone-timeline/milestone-timeline.ts',
  'network-graph': 'src/network-graph/network-graph.ts',
  'key-figure': 'src/key-figure/key-figure.ts',
};

/** Also in the ES build: the data schemas and the area aliases, for build pipelines and scripts/. */
const esmEntries = { ...elements, schema: 'src/core/schema.ts', areas: 'src/core/areas.ts' };

/**
 * d3-scale-chromatic builds every ColorBrewer scheme at load time with `new Array(3).concat(…).map(colors)`,
 * which Rollup cannot prove free of side effects, so all ~30 schemes land in the file although the map uses
 * two. Marking those expressions pure lets tree-shaking drop the unused ones.
 */
function pureColourSchemes() {
  return {
    name: 'pure-colour-schemes',
    transform(code, id) {
      if (!id.includes('d3-scale-chromatic')) return null;
      return { code: code.replaceAll('new Array(3).concat(', '/*#__PURE__*/new Array(3).concat('), map: null };
    },
  };
}

/**
 * The `v.description(…)` texts of the data schemas are for the JSON Schema files (scripts/write-json-schemas.mjs
 * reads them from the ES build); the widgets never read them, so the single file leaves them out of its pipes.
 */
function withoutSchemaDescriptions() {
  return {
    name: 'without-schema-descriptions',
    transform(code, id) {
      if (!id.includes('/src/core/')) return null;
      const stripped = code.replace(/,\s*v\.description\((?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\)/g, '');
      return stripped === code ? null : { code: stripped, map: null };
    },
  };
}

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/**
 * Empties the output folder just before the new files are written: chunk names carry a content hash, so
 * every build left its old chunks behind in dist/esm/shared (and in the npm package).
 */
function emptyOutputDir() {
  return {
    name: 'empty-output-dir',
    generateBundle(options) {
      if (options.dir) rmSync(options.dir, { recursive: true, force: true });
    },
  };
}

/** The embed page's static files, written beside embed.js (and the single file they load). */
function embedPageFiles(names) {
  return {
    name: 'embed-page-files',
    buildStart() {
      for (const name of names) this.addWatchFile(`src/embed/${name}`);
    },
    generateBundle() {
      for (const name of names) this.emitFile({ type: 'asset', fileName: name, source: readFileSync(`src/embed/${name}`, 'utf8') });
    },
  };
}

export default [
  // The file CMS editors paste: one classic, minified script with every element and every dependency.
  {
    input: elements.index,
    output: {
      file: 'dist/sozialraum-widgets.js',
      format: 'iife',
      name: 'SozialraumWidgets',
      sourcemap: false,
      // ascii_only: umlauts and quotation marks as \u escapes, so that the file reads the same on a page in any
      // encoding (a script without a charset is read in its page's: a windows-1252 page showed "SozialrÃ¤ume").
      plugins: process.env.NO_MINIFY ? [] : [terser({ ecma: 2020, format: { comments: false, ascii_only: true }, compress: { passes: 3 } })],
    },
    plugins: [
      resolve({ browser: true }),
      typescript({ declaration: false, outDir: 'dist', noEmitOnError: true }),
      pureColourSchemes(),
      withoutSchemaDescriptions(),
      ...(process.env.NO_MINIFY ? [] : [minifyLiterals()]),
    ],
    treeshake: {
      // d3-scale-chromatic builds every palette and interpolator at load time; these builders have no
      // side effects, so palettes the library does not use are left out of the single file (~10 KB gzip).
      // Likewise d3-array builds its bisectors at load time (`bisector(number).center`); none is used.
      manualPureFunctions: ['colors', 'ramp', 'ramp$1', 'interpolateRgbBasis', 'interpolateCubehelixLong', 'cubehelix$1', 'rgb', 'bisector'],
    },
  },
  // The iframe embed (dist/embed.html): a page that shows one widget from its URL parameters.
  {
    input: 'src/embed/embed.ts',
    output: {
      file: 'dist/embed.js',
      format: 'iife',
      sourcemap: false,
      plugins: process.env.NO_MINIFY ? [] : [terser({ ecma: 2020, format: { comments: false, ascii_only: true } })],
    },
    // Only the embed's own files and what they import are compiled here; the elements are checked above.
    plugins: [
      typescript({ filterRoot: '.', include: ['src/embed/*.ts', 'src/core/data-url.ts'], declaration: false, outDir: 'dist', noEmitOnError: true }),
      embedPageFiles(['embed.html', 'embed.css']),
    ],
  },
  // ES modules with TypeScript declarations for users who bundle themselves; dependencies stay imports.
  {
    input: esmEntries,
    external: isBare,
    output: { dir: 'dist/esm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared/[name]-[hash].js' },
    plugins: [typescript({ declaration: true, declarationDir: 'dist/esm/types', outDir: 'dist/esm', noEmitOnError: true }), emptyOutputDir()],
  },
];
