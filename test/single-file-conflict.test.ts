import { expect } from '@open-wc/testing';

/** Another library on the page already took an element name: the single file must still load. */
describe('dist/sozialraum-widgets.js next to another library', () => {
  it('skips a name that is already defined and throws nothing', async () => {
    class Foreign extends HTMLElement {}
    customElements.define('indicator-bar', Foreign);
    const errors: string[] = [];
    window.addEventListener('error', (e) => errors.push(e.message));
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/dist/sozialraum-widgets.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('load failed'));
      document.head.append(script);
    });
    expect(errors).to.deep.equal([]);
    expect(customElements.get('indicator-bar')).to.equal(Foreign);
  });
});
