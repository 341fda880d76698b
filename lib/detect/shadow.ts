/**
 * Salesforce Lightning renders its components into shadow roots. Orgs on LWC *synthetic* shadow patch the page's own
 * DOM methods, but a content script runs in an isolated world where they are not patched, so it sees those nodes as
 * ordinary light DOM. Orgs on *native* shadow expose real open shadow roots, which `querySelectorAll` never enters.
 * These helpers search both. Closed shadow roots stay closed.
 */

export type Scope = Document | Element | ShadowRoot;

/** The root and every open shadow root beneath it (nested ones too), parents before children. */
export function shadowScopes(root: Scope): Scope[] {
  const scopes: Scope[] = [root];
  for (let i = 0; i < scopes.length; i++) {
    const scope = scopes[i]!;
    if ('shadowRoot' in scope && scope.shadowRoot) scopes.push(scope.shadowRoot);
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) scopes.push(element.shadowRoot);
    }
  }
  return scopes;
}

/**
 * Every element matching `selector` under `root`, through open shadow roots. A selector matches within one scope:
 * to go through a component, query its host first and then query again from the host. Order: the root's own matches
 * first, then each shadow root's, parents before children.
 */
export function deepQuerySelectorAll(root: Scope, selector: string): Element[] {
  return queryScopes(shadowScopes(root), selector);
}

/** The same over scopes found once (`shadowScopes`), for a reader that queries a big tree several times. */
export function queryScopes(scopes: readonly Scope[], selector: string): Element[] {
  return scopes.flatMap((scope) => [...scope.querySelectorAll(selector)]);
}

/** The first match, looking into shadow roots only as far as it must (scope by scope, parents first). */
export function deepQuerySelector(root: Scope, selector: string): Element | null {
  const scopes: Scope[] = [root];
  for (let i = 0; i < scopes.length; i++) {
    const scope = scopes[i]!;
    const found = scope.querySelector(selector);
    if (found) return found;
    if ('shadowRoot' in scope && scope.shadowRoot) scopes.push(scope.shadowRoot);
    for (const element of scope.querySelectorAll('*')) if (element.shadowRoot) scopes.push(element.shadowRoot);
  }
  return null;
}

/** The text a reader sees, including what the element's open shadow roots render. */
export function deepText(element: Element): string {
  const own = element.shadowRoot ? [...element.shadowRoot.childNodes].map(nodeText).join(' ') : '';
  return `${own} ${[...element.childNodes].map(nodeText).join(' ')}`.replace(/\s+/g, ' ').trim();
}

function nodeText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType === 1) {
    const element = node as Element;
    if (element.localName === 'style' || element.localName === 'script') return '';
    return deepText(element);
  }
  return '';
}
