import { z } from 'zod';
import { ExtensionCodeRequest } from '../core/model/sessions';
import { parseInput } from '../core/model/parse';
import type { LeadsideDatabase } from '../db/database';
import type { Me } from '../core/model/api';
import { createApiClient } from '../api/client';
import { ServerUrl, signIn } from './connection';

// The one-click sign-in `npm start` prints: the options page opened with `#code=lse_…&server=http://127.0.0.1:8787`.
// The code is one-time and short-lived, and is exchanged for a token by the server it names; the token itself never
// goes in a URL. Only the person can open an extension page with a fragment (the page is not web-accessible).

const CodeLink = z.strictObject({ code: ExtensionCodeRequest.shape.code, server: ServerUrl });
export type CodeLink = z.infer<typeof CodeLink>;

/** The code and server in the options page's fragment; null when it has none; an error naming what is wrong. */
export function parseCodeLink(hash: string): { ok: true; link: CodeLink } | { ok: false; message: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('code')) return null;
  const parsed = parseInput(CodeLink, Object.fromEntries(params), 'sign-in link');
  return parsed.ok ? { ok: true, link: parsed.value } : { ok: false, message: parsed.message };
}

/** Exchanges the code at its server for a token, then signs in with it as the form does. */
export async function signInWithCode(db: LeadsideDatabase, link: CodeLink, fetchImpl?: typeof fetch): Promise<Me> {
  const { token } = await createApiClient({ baseUrl: link.server, token: '', ...(fetchImpl ? { fetch: fetchImpl } : {}) }).exchangeExtensionCode(link.code);
  return signIn(db, { url: link.server, token }, fetchImpl);
}
