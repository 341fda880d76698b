import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';

/** How long a closing connection keeps reading (and dropping) a body the client is still sending. */
export const LINGER_MS = 2_000;

/**
 * An answer given before the request body arrived (a 413 on its announced size, a 401, a 429) ends the connection:
 * the rest of the body will never be read, so the socket cannot carry another request. It says `Connection: close`
 * rather than keep-alive, so the client opens a fresh connection for its next request instead of sending it down a
 * socket that is about to go. Answers to requests whose body was read keep the connection.
 */
export const closeWhenBodyUnread = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const { incoming, outgoing } = (c.env ?? {}) as { incoming?: IncomingMessage; outgoing?: ServerResponse };
  if (!incoming || !outgoing || incoming.complete) return;
  // Node then writes `Connection: close` and ends the socket once the answer is out.
  outgoing.shouldKeepAlive = false;
  discardRestOfBody(incoming);
  lingerOnClose(incoming.socket);
});

/**
 * Nobody reads this body any more, but the web stream made of it would pause the socket once its queue filled, and a
 * client still sending could then never finish: let the rest flow, to be dropped.
 */
function discardRestOfBody(incoming: IncomingMessage): void {
  incoming.removeAllListeners('data');
  incoming.resume();
}

/**
 * Node ends such a socket right after the answer; bytes the client is still sending would then meet a reset, which
 * can wipe the answer out of the client's buffer before it reads it. So the close lingers (as web servers do): the
 * answer and our FIN go out, what still arrives is read and dropped, and the socket is destroyed when the client
 * closes its side or after LINGER_MS.
 */
function lingerOnClose(socket: Socket): void {
  let lingering = false;
  socket.destroySoon = () => {
    if (lingering || socket.destroyed) return;
    lingering = true;
    socket.end();
    const cut = setTimeout(() => socket.destroy(), LINGER_MS);
    cut.unref();
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(cut));
  };
}
