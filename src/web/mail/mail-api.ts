/**
 * The mailbox's client: status, presets, connect, sync with progress, disconnect and send. Types
 * come from the server's routes.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, call } from '../api.js';
import { followProgress, type Progress } from '../ui/progress-stream.js';

export type MailStatus = InferResponseType<typeof api.mail.$get, 200>;
export type MailConnect = InferRequestType<typeof api.mail.$put>['json'];
export type MailPresets = InferResponseType<typeof api.mail.presets.$get, 200>;
export type MailSyncReport = InferResponseType<typeof api.mail.sync.$post, 200>;
export type MailSend = InferRequestType<typeof api.mail.send.$post>['json'];
export type MailSent = InferResponseType<typeof api.mail.send.$post, 200>;

/** A sync's progress: messages of one folder read so far. */
export type MailSyncProgress = Progress & { folder?: 'inbox' | 'sent' };

export function loadMailStatus(): Promise<MailStatus> {
  return call(api.mail.$get());
}

export function loadMailPresets(): Promise<MailPresets> {
  return call(api.mail.presets.$get());
}

/** Tests the mailbox and saves it; a failure says which step failed. */
export function connectMailbox(json: MailConnect): Promise<MailStatus> {
  return call(api.mail.$put({ json }));
}

/** Reads new mail now, reporting each folder's progress. */
export function syncMailbox(onProgress: (p: MailSyncProgress) => void): Promise<MailSyncReport> {
  return followProgress<MailSyncReport>(
    api.mail.sync.$post({}, { headers: { accept: 'application/x-ndjson' } }) as Promise<Response>,
    onProgress,
    { what: 'sync', nothing: 'what was read before is kept' },
  );
}

export function disconnectMailbox(forgetMessages: boolean) {
  return call(api.mail.$delete({ query: { forgetMessages: forgetMessages ? 'true' : 'false' } }));
}

/** Sends through the connected mailbox and logs the message. */
export function sendThroughMailbox(json: MailSend): Promise<MailSent> {
  return call(api.mail.send.$post({ json }));
}

export type MailImportSummary = InferResponseType<typeof api.mail.import.preview.$post, 200>;

/** What importing the .mbox or .eml file would log; writes nothing. */
export function previewMailImport(file: File): Promise<MailImportSummary> {
  return call(api.mail.import.preview.$post({ form: { file } }));
}

/** Imports the file, all or nothing, reporting progress while messages are logged. */
export function importMailFile(file: File, onProgress: (p: Progress) => void): Promise<MailImportSummary> {
  return followProgress<MailImportSummary>(
    api.mail.import.$post(
      { form: { file } },
      { headers: { accept: 'application/x-ndjson' } },
    ) as Promise<Response>,
    onProgress,
    { what: 'import', nothing: 'nothing was imported' },
  );
}
