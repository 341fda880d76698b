import { createHmac } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrackingPolicy } from '../../lib/core/model/settings';
import { trackingKeys } from '../../server/store/schema';
import { rotateTrackingKey, signToken, verifyToken, type TokenClaims } from '../../server/tracking/tokens';
import { STORE_KINDS, makeWorkspace, serverForSuite, type TestWorkspace } from './harness';

const NOW = new Date('2026-01-19T15:00:00.000Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe.each(STORE_KINDS)('tracking tokens on %s', (kind) => {
  let acme: TestWorkspace;
  let globex: TestWorkspace;
  const db = () => server.store.db;
  const open = (ws: TestWorkspace): TokenClaims => ({ kind: 'open', workspaceId: ws.id, contactId: 'c_ada', emailId: 'em_1' });
  const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as unknown[];

  const server = serverForSuite(kind);
  beforeAll(async () => {
    acme = await makeWorkspace(server, 'Acme');
    globex = await makeWorkspace(server, 'Globex');
  }, 60_000);

  it('carries each kind of claim and gives it back only for that kind', async () => {
    const click: TokenClaims = { kind: 'click', workspaceId: acme.id, contactId: 'c_ada', emailId: null, url: 'https://www.acme.example/pricing?plan=team', contentId: 'k_guide' };
    const identify: TokenClaims = { kind: 'identify', workspaceId: acme.id, contactId: 'c_ada', issuedAt: NOW };
    for (const claims of [open(acme), click, identify]) {
      const token = await signToken(db(), claims, NOW);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      expect(await verifyToken(db(), token, claims.kind, NOW)).toEqual(claims);
      for (const other of (['open', 'click', 'identify'] as const).filter((k) => k !== claims.kind)) expect(await verifyToken(db(), token, other, NOW)).toBeNull();
    }
  });

  it('is compact: an open token is about 120 characters', async () => {
    const token = await signToken(db(), open(acme), NOW);
    expect(token.length).toBeLessThan(140);
    expect(payloadOf(token)).toEqual([1, 'o', acme.id, expect.any(String), 'c_ada', 'em_1']);
  });

  it('refuses forged, truncated, edited, re-spelled and other-workspace tokens', async () => {
    const token = await signToken(db(), open(acme), NOW);
    const [payload, mac] = token.split('.') as [string, string];
    const edited = (edit: (p: unknown[]) => unknown[]) => `${Buffer.from(JSON.stringify(edit(payloadOf(token)))).toString('base64url')}.${mac}`;
    // The MAC's last character carries 2 bits and 4 unused ones: another spelling of the same bytes.
    const lastIndex = BASE64URL_ALPHABET.indexOf(mac.at(-1)!);
    const respelled = `${payload}.${mac.slice(0, -1)}${BASE64URL_ALPHABET[lastIndex ^ 1]}`;
    expect(Buffer.from(respelled.split('.')[1]!, 'base64url')).toEqual(Buffer.from(mac, 'base64url'));

    // Signed with Acme's real secret, but naming Globex: the key is looked up under Globex and is not there.
    const [acmeKey] = await db().select().from(trackingKeys).where(and(eq(trackingKeys.workspaceId, acme.id), isNull(trackingKeys.retiredAt)));
    const claimGlobex = Buffer.from(JSON.stringify([1, 'o', globex.id, acmeKey!.keyId, 'c_ada', 'em_1'])).toString('base64url');
    const signedByAcme = createHmac('sha256', Buffer.from(acmeKey!.secret, 'base64url')).update(`leadside-tracking.${claimGlobex}`).digest().subarray(0, 16).toString('base64url');
    // Globex's own genuine token is Globex's, and is refused where Acme's is expected by the caller's check.
    const globexToken = await signToken(db(), open(globex), NOW);
    expect(await verifyToken(db(), globexToken, 'open', NOW)).toMatchObject({ workspaceId: globex.id });

    const refused = [
      `${payload}.${'A'.repeat(22)}`,
      token.slice(0, -1),
      token.slice(0, token.length - 30),
      `${payload.slice(0, -4)}.${mac}`,
      edited((p) => p.map((v, i) => (i === 4 ? 'c_bob' : v))),
      edited((p) => p.map((v, i) => (i === 2 ? globex.id : v))),
      respelled,
      `${claimGlobex}.${signedByAcme}`,
      `${token}.${mac}`,
      '',
      '.',
      'a'.repeat(5000),
      `${Buffer.from('not json').toString('base64url')}.${mac}`,
      `${Buffer.from(JSON.stringify([2, 'o', acme.id, acmeKey!.keyId, 'c_ada', 'em_1'])).toString('base64url')}.${mac}`,
    ];
    for (const bad of refused) expect(await verifyToken(db(), bad, 'open', NOW)).toBeNull();
    expect(await verifyToken(db(), token, 'open', NOW)).not.toBeNull();
  });

  it('makes one signing key even when two first signatures race', async () => {
    const ws = await makeWorkspace(server, 'Racing');
    const tokens = await Promise.all([signToken(db(), open(ws), NOW), signToken(db(), open(ws), NOW), signToken(db(), open(ws), NOW)]);
    const keys = await db().select().from(trackingKeys).where(eq(trackingKeys.workspaceId, ws.id));
    expect(keys).toHaveLength(1);
    expect(Buffer.from(keys[0]!.secret, 'base64url')).toHaveLength(32);
    for (const token of tokens) expect(await verifyToken(db(), token, 'open', NOW)).not.toBeNull();
  });

  it('rotates: new tokens use the new key, old ones verify for 30 days after, then never', async () => {
    const ws = await makeWorkspace(server, 'Rotating');
    const before = await signToken(db(), open(ws), NOW);
    const { keyId: newKeyId, retired } = await rotateTrackingKey(db(), ws.id, NOW, { workspaceId: ws.id, kind: 'system' });
    expect(retired).toEqual({ keyId: payloadOf(before)[3], verifiesUntil: days(30) });
    const after = await signToken(db(), open(ws), NOW);
    expect(payloadOf(after)[3]).toBe(newKeyId);
    expect(payloadOf(before)[3]).not.toBe(newKeyId);

    expect(await verifyToken(db(), before, 'open', NOW)).not.toBeNull();
    expect(await verifyToken(db(), before, 'open', days(29))).not.toBeNull();
    expect(await verifyToken(db(), before, 'open', days(31))).toBeNull();
    expect(await verifyToken(db(), after, 'open', days(31))).not.toBeNull();

    // A second rotation retires the second key; the first stays retired at its own date.
    await rotateTrackingKey(db(), ws.id, days(10), { workspaceId: ws.id, kind: 'system' });
    const keys = await db().select().from(trackingKeys).where(eq(trackingKeys.workspaceId, ws.id));
    expect(keys.map((k) => k.retiredAt?.toISOString() ?? null).sort()).toEqual([NOW.toISOString(), days(10).toISOString(), null]);
    expect(await verifyToken(db(), after, 'open', days(39))).not.toBeNull();
    expect(await verifyToken(db(), after, 'open', days(41))).toBeNull();
  });

  it('lets an identification token serve 7 days from the click', async () => {
    const token = await signToken(db(), { kind: 'identify', workspaceId: acme.id, contactId: 'c_ada', issuedAt: NOW }, NOW);
    expect(await verifyToken(db(), token, 'identify', days(6.9))).not.toBeNull();
    expect(await verifyToken(db(), token, 'identify', days(7.1))).toBeNull();
  });
});

describe('the tracking policy in settings', () => {
  it('defaults to legitimate interest and keeps site origins as origins', () => {
    expect(TrackingPolicy.parse({ siteOrigins: ['https://www.acme.example/', 'https://blog.acme.example/posts'] })).toEqual({
      mode: 'legitimate_interest',
      createLeadsFromForms: true,
      siteOrigins: ['https://www.acme.example', 'https://blog.acme.example'],
      emailOpens: 'per_person',
      requireOpenConsent: false,
    });
  });

  it('reads settings saved before the modes: enabled false is off, true the default, a mode given wins', () => {
    expect(TrackingPolicy.parse({ enabled: false }).mode).toBe('off');
    expect(TrackingPolicy.parse({ enabled: true }).mode).toBe('legitimate_interest');
    expect(TrackingPolicy.parse({ enabled: true, mode: 'consent' })).toMatchObject({ mode: 'consent', createLeadsFromForms: true, siteOrigins: [] });
    expect(TrackingPolicy.safeParse({ mode: 'sometimes' }).success).toBe(false);
  });
});
