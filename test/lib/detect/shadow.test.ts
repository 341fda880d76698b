import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { deepQuerySelector, deepQuerySelectorAll, deepText, shadowScopes } from '../../../lib/detect/shadow';

function page() {
  const { document } = new JSDOM('<main><x-outer id="outer"></x-outer><p class="hit">light</p></main>').window;
  const outer = document.getElementById('outer')!;
  const outerRoot = outer.attachShadow({ mode: 'open' });
  outerRoot.innerHTML = '<span class="hit">in outer</span><x-inner id="inner"><b>slotted</b></x-inner>';
  const inner = outerRoot.getElementById('inner')!;
  inner.attachShadow({ mode: 'open' }).innerHTML = '<em class="hit">in inner</em><slot></slot>';
  const closed = document.createElement('x-closed');
  closed.attachShadow({ mode: 'closed' }).innerHTML = '<i class="hit">hidden</i>';
  document.querySelector('main')!.append(closed);
  return { document, outer, inner };
}

describe('deepQuerySelectorAll', () => {
  it('finds matches in the light tree and in every open shadow root, nested ones too; closed roots stay closed', () => {
    const { document } = page();
    expect(document.querySelectorAll('.hit')).toHaveLength(1);
    expect(deepQuerySelectorAll(document, '.hit').map((e) => e.textContent)).toEqual(['light', 'in outer', 'in inner']);
    expect(deepQuerySelector(document, 'em')?.textContent).toBe('in inner');
    expect(deepQuerySelector(document, 'i')).toBeNull();
  });

  it('starts from an element: its own shadow root and its light children', () => {
    const { document, inner } = page();
    expect(deepQuerySelectorAll(inner, 'em, b').map((e) => e.localName)).toEqual(['b', 'em']);
    expect(shadowScopes(document)).toHaveLength(3);
  });

  it('deepText reads what a host renders from its shadow root and its slotted children', () => {
    const { inner } = page();
    expect(deepText(inner)).toBe('in inner slotted');
  });
});
