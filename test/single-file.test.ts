import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { labels, settled } from './helpers.js';

/**
 * The file CMS editors paste: dist/sozialraum-widgets.js as a classic script (no type="module").
 * This test file does not import the sources; everything comes from the built file.
 */

const errors: string[] = [];
window.addEventListener('error', (e) => errors.push(e.message));

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

describe('dist/sozialraum-widgets.js', () => {
  it('defines every element as a classic script', async () => {
    performance.clearResourceTimings();
    await loadScript('/dist/sozialraum-widgets.js');
    expect(customElements.get('indicator-bar')).to.be.a('function');
    expect(errors).to.deep.equal([]);
  });

  it('can be loaded a second time without an error (two CMS blocks with the same script tag)', async () => {
    const first = customElements.get('indicator-bar');
    await loadScript('/dist/sozialraum-widgets.js?again');
    expect(errors).to.deep.equal([]);
    expect(customElements.get('indicator-bar')).to.equal(first);
  });

  it('works without defer, placed before the widget (the usual CMS paste): no false "no data" error', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '700px';
    frame.srcdoc = `<!doctype html><html lang="de"><body>
      <script>window.__errors = []; const e = console.error; console.error = (...a) => { window.__errors.push(String(a[0])); e(...a); };</script>
      <script src="/dist/sozialraum-widgets.js"></script>
      <indicator-bar style="width:600px"><table><tr><th>Sozialraum</th><th>Wert</th></tr><tr><td>Nette</td><td>3</td></tr></table></indicator-bar>
    </body></html>`;
    document.body.append(frame);
    await waitUntil(() => frame.contentDocument?.querySelector('indicator-bar')?.shadowRoot?.querySelector('g.item'), 'chart drawn', { timeout: 5000 });
    const w = frame.contentWindow as unknown as { __errors: string[] };
    expect(w.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('draws a chart and requests nothing but its own file and the data', async () => {
    performance.clearResourceTimings();
    const el = await fixture(html`<indicator-bar src="/data/indicators/sgb2-arbeitslosigkeit.json" style="width:600px"></indicator-bar>`);
    await settled(el);
    expect(labels(el)).to.have.length(3);
    const requests = performance.getEntriesByType('resource').map((r) => new URL(r.name));
    expect(requests.every((u) => u.origin === location.origin)).to.equal(true, 'no third-party request');
    expect(requests.map((u) => u.pathname)).to.deep.equal(['/data/indicators/sgb2-arbeitslosigkeit.json']);
    expect(document.cookie).to.equal('');
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });
});
