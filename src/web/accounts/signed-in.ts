/** The signed-in account of a hosted server, as main.tsx read it before the first render. */
export interface SignedInAccount {
  email: string;
  emailVerified: boolean;
  /** False when the server has no mail settings: no confirmation link or reset can reach anyone. */
  serverSendsMail: boolean;
}

let current: SignedInAccount | null = null;

export function setSignedInAccount(account: SignedInAccount | null): void {
  current = account;
}

/** Null in local mode, and on a hosted server before main.tsx has asked. */
export function signedInAccount(): SignedInAccount | null {
  return current;
}
