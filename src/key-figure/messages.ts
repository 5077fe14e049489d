import { addMessages } from '../core/i18n.js';

/**
 * The key figure's own words. Like the network graph's (see network-graph/messages.ts), they live with
 * the element, not in core/i18n.ts, so that a bundle without `<key-figure>` does not carry them.
 */
const de = {
  kf_hint: 'Kennzahl für Kennzahl.',
  kf_number: 'Zahl',
  kf_label: 'Bezeichnung',
  kf_trend: (from: string, to: string) => `Verlauf: ${from} bis ${to}`,
  kf_notKeyFigures: 'Die Daten sind keine Kennzahlen-Datei (erwartet wird "kind": "key-figures").',
  kf_seriesLoad: 'Der Verlauf wird nicht gezeigt:',
};

const en: typeof de = {
  kf_hint: 'Figure by figure.',
  kf_number: 'Figure',
  kf_label: 'Label',
  kf_trend: (from: string, to: string) => `Trend: ${from} to ${to}`,
  kf_notKeyFigures: 'The data is not a key-figures file (expected "kind": "key-figures").',
  kf_seriesLoad: 'The trend line is not shown:',
};

type KeyFigureMessages = typeof de;

declare module '../core/i18n.js' {
  // Declaration merging: `msg` and problems accept these keys too.
  interface Messages extends KeyFigureMessages {}
}

addMessages({ de, en });
