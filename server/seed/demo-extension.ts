import { createHash } from 'node:crypto';

// The demo build's extension id. Chrome derives an unpacked extension's id from its folder, unless the manifest pins
// a public `key`: the demo build (LEADSIDE_E2E=1, wxt.config.ts) carries this one, so `npm start` can print links into the
// extension before it is loaded. Only the public half exists (nobody can sign a package as it); the store build has
// no key and gets the store's id.

export const DEMO_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAl8L/Kb+XvroCCgKsCCEUyXjLgDs8aom4quv6z1pZ9QJnne7KGHB3stSOJ/d6wAPiyijfQQLKsdJQO6BhBMFTo08T928+QO5OAvpVZWiIYH1DJnZ6UpJ2LiJk2cVs03afOr0pw9HqXFVFHK2y9KIEpoAcgaJmGqQ9xMys6S3MH/vK+mp1tkr1sGOH72FbQ8Ufljg9cYBjXt2nbPzH+Pr7TnMl12aXAgybw+27BopUV28OjaGt7VRiM7kL92M1GQwHiGZWE17ystKUlX2bS65WEu1MnGga/WMsXcjELsoVkGRZZpmuWv58VYPQeRNKbu3XSnsE4ABdRETiegyLebQhHwIDAQAB';

/** Chrome's rule: the first 128 bits of SHA-256 of the key, each hex digit written a–p. */
export function extensionIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

export const DEMO_EXTENSION_ID = extensionIdOf(DEMO_EXTENSION_KEY);

/**
 * The demo's one-click sign-in: the options page with the one-time code and the server to exchange it at, in the
 * fragment (never sent anywhere, and kept out of the page's history once read).
 */
export function demoExtensionSignInUrl(code: string, serverUrl: string): string {
  return `chrome-extension://${DEMO_EXTENSION_ID}/options.html#${new URLSearchParams({ code, server: serverUrl }).toString()}`;
}
