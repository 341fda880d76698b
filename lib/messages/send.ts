import { PROTOCOL, type MessageRequest, type MessageResponse, type MessageType, type Reply } from './protocol';

/** Sends a typed message through the given transport (runtime.sendMessage in the extension) and unwraps the reply. */
export async function sendTyped<T extends MessageType>(
  transport: (message: unknown) => Promise<unknown>,
  type: T,
  data: MessageRequest<T>,
): Promise<MessageResponse<T>> {
  const reply = (await transport({ type, data: PROTOCOL[type].request.parse(data) })) as Reply<MessageResponse<T>> | undefined;
  if (!reply) throw new Error(`no answer to "${type}": is the background running?`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
