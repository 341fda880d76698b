// The few JSDOM members these tests use. The project has jsdom but not @types/jsdom (a dev dependency to add, if
// wanted: then delete this file).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { url?: string });
    readonly window: Window & typeof globalThis;
  }
}
