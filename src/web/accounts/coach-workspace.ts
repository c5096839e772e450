/**
 * Which workspace this browser has open, for a coach: a cookie the server reads on every request
 * (server/coach-access.ts). Without it, the account's own workspace. A cookie rather than a header
 * so links the browser follows itself (documents, downloads) open the same workspace.
 */
const COOKIE = 'rapport_workspace';

/** The shared workspace this browser has open, or null for the account's own. */
export function openWorkspaceId(): string | null {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${COOKIE}=`));
  return match ? decodeURIComponent(match.slice(COOKIE.length + 1)) || null : null;
}

/** True while a coach has a client's workspace open: changes are limited to comments and suggestions. */
export function isCoaching(): boolean {
  return openWorkspaceId() !== null;
}

function setCookie(value: string, maxAge: number) {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and Safari.
  document.cookie = `${COOKIE}=${encodeURIComponent(value)}; Path=/; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

/** Opens a workspace shared with this account, starting the app afresh in it. */
export function openSharedWorkspace(id: string): void {
  setCookie(id, 60 * 60 * 24 * 30);
  window.location.assign('/');
}

/** Goes back to the account's own workspace, on the page that lists the shared ones. */
export function leaveSharedWorkspace(to = '/coaching'): void {
  setCookie('', 0);
  window.location.assign(to);
}
