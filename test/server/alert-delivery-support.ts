import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import type { DeliveredAlert } from '../../server/alerts/channels';
import type { Logger } from '../../server/http/logger';
import { workspaces } from '../../server/store/schema';
import type { AlertRule } from '../../lib/core/model/alerts';
import type { TestServer, TestWorkspace } from './harness';

/** A real SMTP server on a loopback port, keeping every message that arrived, parsed; it can refuse for a while. */
export async function testSmtpServer() {
  const received: ParsedMail[] = [];
  const state = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refusing) callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse(on: boolean) {
      state.refusing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedPost {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A chat's incoming webhook on a loopback port: keeps every post, answers `status` (200 unless told otherwise). */
export async function testChatReceiver(port = 0) {
  const posts: ReceivedPost[] = [];
  const state = { status: 200, hold: null as Promise<void> | null };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      posts.push({ headers: req.headers, body });
      void (state.hold ?? Promise.resolve()).then(() => {
        res.writeHead(state.status, { 'content-type': 'text/plain' });
        res.end(state.status === 200 ? 'ok' : 'no');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}/hooks/T000/B000`,
    posts,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nobody listens on (taken and given back): a receiver that is down. */
export async function freePort(): Promise<number> {
  const r = await testChatReceiver();
  await r.close();
  return r.port;
}

/** A log a test reads. */
export function recordingLog() {
  const lines: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields: Record<string, unknown> = {}) => lines.push({ level, msg, fields });
  const log: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

let alertCount = 0;

/** An alert as the engine hands it over, for the workspace's rep about a contact. */
export function deliveredAlert(
  ws: TestWorkspace,
  contact: { id: string; email: string; name: string | null; company: string | null },
  rule: AlertRule,
  at: string,
  overrides: { id?: string; userKey?: string; title?: string; body?: string } = {},
): DeliveredAlert {
  const user = ws.users[overrides.userKey ?? 'rep']!;
  return {
    workspaceId: ws.id,
    recipient: { id: user.id, email: user.email, name: `${user.role} ${overrides.userKey ?? 'rep'}` },
    contact,
    alert: {
      id: overrides.id ?? `alr_test${++alertCount}`,
      userId: user.id,
      contactId: contact.id,
      rule,
      at,
      deliverAt: at,
      title: overrides.title ?? `${contact.name ?? contact.email} viewed Pricing`,
      body: overrides.body ?? `Viewed Pricing · ${contact.company ?? ''}`,
      digestOf: null,
    },
  };
}

/** Sets the workspace's alert settings part (as PUT /v1/settings would store it). */
export async function setAlertSettings(server: TestServer, ws: TestWorkspace, alerts: Record<string, unknown>): Promise<void> {
  const db = server.store.db;
  const [row] = await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, ws.id));
  await db.update(workspaces).set({ settings: { ...row!.settings, alerts: alerts as never } }).where(eq(workspaces.id, ws.id));
}
