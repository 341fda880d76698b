export * from './protocol';
export { senderAllowed, type MessageSender, type Self } from './sender';
export { createMessageReceiver, type Handlers } from './receive';
export { sendTyped } from './send';
