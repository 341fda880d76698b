import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';
import type { DetectedContact, PageReader } from '../../../lib/detect/contacts';
import { PROTOCOL } from '../../../lib/messages';
import type { PageHost } from '../../../lib/messages/page-protocol';

/**
 * How LWC's shadow roots look from a content script: `native` (real open shadow roots, which `querySelectorAll` does
 * not enter) or `synthetic` (the page's patched DOM methods do not apply in the isolated world: plain light DOM).
 */
export type ShadowMode = 'native' | 'synthetic';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'hosts');
/** The stand-in pages `npm start` serves are fixtures too, kept in one copy there: a file named `demo:<file>`. */
const DEMO_PAGES = join(import.meta.dirname, '..', '..', '..', 'server', 'seed', 'demo-pages');

/** A saved host page in JSDOM at its URL. `<template shadowrootmode>` (JSDOM does not parse it) becomes `shadow`. */
export function loadFixture(host: string, file: string, url: string, shadow: ShadowMode = 'native') {
  const path = file.startsWith('demo:') ? join(DEMO_PAGES, file.slice('demo:'.length)) : join(FIXTURES, host, file);
  const html = readFileSync(path, 'utf8');
  const dom = new JSDOM(html, { url });
  applyDeclarativeShadow(dom.window.document, shadow);
  return { dom, doc: dom.window.document, url: new URL(url) };
}

/** What `read` finds on a saved host page; whatever a reader returns, the background's schema must accept. */
export function readFixture(host: PageHost, read: PageReader, file: string, url: string, shadow?: ShadowMode): DetectedContact[] {
  const page = loadFixture(host, file, url, shadow);
  const contacts = read(page.doc, page.url);
  expect(() => PROTOCOL['page.contacts'].request.parse({ host, url, contacts })).not.toThrow();
  return contacts;
}

function applyDeclarativeShadow(root: Document | ShadowRoot | DocumentFragment, mode: ShadowMode): void {
  for (const template of [...root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const host = template.parentElement!;
    const content = template.content;
    applyDeclarativeShadow(content, mode);
    if (mode === 'native') {
      host.attachShadow({ mode: 'open' }).append(content);
      template.remove();
    } else {
      template.replaceWith(content);
    }
  }
}
