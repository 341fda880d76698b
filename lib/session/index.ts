export { SignInForm, parseSignInForm, originPattern, apiFor, storedApi, signIn, signOut, PendingChangesError, PendingForAnotherUserError } from './connection';
export { TOKEN_EXPIRED_MESSAGE, signedOutReason, waitingForSignIn, type SignedOutReason } from './signed-out';
export { ServerUrl } from './connection';
export { parseCodeLink, signInWithCode, type CodeLink } from './code-link';
export { demoServerUrl } from './demo-server';
