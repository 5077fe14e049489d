/**
 * demo/folien.html: das Deck. reveal.js 6 aus node_modules (lokal, kein CDN).
 *
 * 1920 × 1080 mit margin 0: bei einem Bildschirm von 1920 × 1080 ist der Maßstab genau 1, ein CSS-Pixel im
 * Widget ist ein Pixel auf der Leinwand (reveal.js' Standardrand von 4 % würde alles auf 93 % verkleinern).
 * Überblendung statt Schieben: die Folien stehen während des Wechsels still, die Diagramme liegen sofort an
 * ihrem Platz.
 *
 * Fokus: Wechselt die Folie, während der Fokus auf der vorigen (oder sonst einer verborgenen) Folie liegt –
 * etwa in einem Diagramm, nach dem letzten Schritt oder mit der Fernbedienung –, geht er auf die neue Folie
 * (section mit tabindex="-1"). So bleibt er nie auf einer verborgenen Folie, und Tab führt in die neue Folie.
 *
 * `window.Reveal` ist das Deck (für Tests, Benchmark und die Konsole).
 */
import Reveal from '../node_modules/reveal.js/dist/reveal.mjs';

const deck = new Reveal({
  width: 1920,
  height: 1080,
  margin: 0,
  minScale: 0.2,
  maxScale: 2,
  center: false,
  hash: true,
  controls: true,
  controlsTutorial: false,
  progress: true,
  slideNumber: 'c/t',
  transition: 'fade',
  transitionSpeed: 'fast',
  backgroundTransition: 'none',
});
window.Reveal = deck;

/** Is the node on a slide other than the current one? */
function onHiddenSlide(node, current) {
  const slide = node instanceof Element ? node.closest('.reveal .slides section') : null;
  return !!slide && slide !== current && !slide.contains(current);
}

deck.on('slidechanged', (event) => {
  const current = event.currentSlide;
  const active = document.activeElement;
  const wasOnPrevious = !!event.previousSlide && !!active && event.previousSlide.contains(active);
  if (current && active && (wasOnPrevious || onHiddenSlide(active, current))) current.focus({ preventScroll: true });
});

deck.on('ready', () => {
  // reveal.js' Pfeile heißen sonst englisch ("previous slide"); die Seite ist deutsch.
  const names = { 'navigate-left': 'Vorige Folie', 'navigate-right': 'Nächste Folie', 'navigate-up': 'Nach oben', 'navigate-down': 'Nach unten' };
  for (const [cls, name] of Object.entries(names)) document.querySelector(`.reveal .controls .${cls}`)?.setAttribute('aria-label', name);
  const resume = document.querySelector('.reveal .pause-overlay .resume-button');
  if (resume) resume.textContent = 'Vortrag fortsetzen';
});

await deck.initialize();
