import { PROTOCOL, Envelope, type MessageResponse, type MessageType, type ParsedRequest, type Reply } from './protocol';
import { senderAllowed, type MessageSender, type Self } from './sender';
import { parseInput } from '../core/model/parse';

export type Handlers = {
  [T in MessageType]?: (data: ParsedRequest<T>, sender: MessageSender) => Promise<MessageResponse<T>> | MessageResponse<T>;
};

export type RefusalReporter = (reason: string, message: unknown, sender: MessageSender) => void;

/**
 * Turns typed handlers into one runtime.onMessage listener: unknown types, wrong senders and bad shapes are refused
 * with a reason (and reported), never handled.
 */
export function createMessageReceiver(self: Self, handlers: Handlers, report: RefusalReporter = () => {}) {
  return async (message: unknown, sender: MessageSender): Promise<Reply<unknown>> => {
    const refuse = (reason: string): Reply<unknown> => {
      report(reason, message, sender);
      return { ok: false, error: reason };
    };
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return refuse('not a Leadside message');
    const type = envelope.data.type as MessageType;
    const spec = Object.hasOwn(PROTOCOL, type) ? PROTOCOL[type] : undefined;
    const handler = handlers[type] as ((data: unknown, sender: MessageSender) => unknown) | undefined;
    if (!spec || !handler) return refuse(`unknown message type "${envelope.data.type}"`);
    if (!senderAllowed(spec.from, sender, self)) return refuse(`"${type}" may only come from ${spec.from === 'content' ? 'a content script in a tab' : 'an extension page'}`);
    const parsed = parseInput(spec.request, envelope.data.data, type);
    if (!parsed.ok) return refuse(parsed.message);
    try {
      return { ok: true, value: await handler(parsed.value, sender) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
