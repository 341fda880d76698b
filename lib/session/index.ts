export { SignInForm, parseSignInForm, originPattern, apiFor, storedApi, signIn, signOut, PendingChangesError } from './connection';
