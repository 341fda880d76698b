import { afterAll, beforeAll } from 'vitest';
import { serveDemoPages, type DemoPages } from '../../../server/seed/demo-pages';
import { teamMember } from '../../../server/seed/people';
import { buildE2eExtension, launchWithExtension, type LoadedExtension } from '../../support/extension';
import { keepEvidenceOnFailure } from './evidence';
import { signInThroughOptions } from './flows';
import { removeDemoData, serverAttempts, startDemoServer, type DemoServer } from './server';

const maya = teamMember('maya');
export const MAYA_EMAIL = maya.email;
export const MAYA_ID = maya.id;

export interface MayaSetup {
  extensionDir: string;
  server: DemoServer;
  /** The demo's stand-in Gmail and HubSpot pages. */
  pages: DemoPages;
  ext: LoadedExtension;
}

/** The built extension in real Chromium (in `profile`, when given), signed in as Maya, a demo rep, on the demo server. */
export async function setUpMaya(profile?: string): Promise<MayaSetup> {
  const extensionDir = buildE2eExtension();
  const server = await startDemoServer();
  const pages = await serveDemoPages(0);
  const ext = await launchWithExtension(extensionDir, profile);
  const maya = server.credentials.find((c) => c.email === MAYA_EMAIL)!;
  await signInThroughOptions(ext, server.url, maya.token);
  return { extensionDir, server, pages, ext };
}

/**
 * Maya's session for the enclosing `describe`: set up before its tests, torn down after, evidence kept when one fails.
 * Its fields are filled once the suite starts; a test that restarts the server puts the new one back in `server`.
 */
export function mayaForSuite(): MayaSetup {
  const session = {} as MayaSetup;
  keepEvidenceOnFailure(() => ({ ext: session.ext, server: session.server }));
  beforeAll(async () => {
    Object.assign(session, await setUpMaya());
  }, 180_000);
  afterAll(() => tearDownMaya(session));
  return session;
}

/** Closes whatever of a setup was started, and removes the server's data. */
export async function tearDownMaya({ ext, pages, server }: Partial<MayaSetup>): Promise<void> {
  await ext?.close();
  await pages?.close();
  await server?.close();
  if (server) removeDemoData(server);
}

/** Maya's attempts on Dana Reyes (the Gmail page's thread), as the server has them. */
export function mayaAttemptsOnDana(server: DemoServer) {
  return serverAttempts(server, 'dana.reyes@brightwave.example', MAYA_ID);
}
