import nodemailer from 'nodemailer';
import { type ServerMail, transportMail } from '../src/services/accounts/server-mail.js';

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The hosted server's mail through nodemailer's JSON transport, which builds each message as it
 * would go out and keeps it here instead of sending it: for tests without a mail server.
 */
export function recordingMail() {
  const sent: SentMail[] = [];
  const inner = transportMail(
    nodemailer.createTransport({ jsonTransport: true }),
    'Rapport <rapport@example.test>',
  );
  const mail: ServerMail = {
    async send(message) {
      await inner.send(message);
      sent.push(message);
    },
  };
  /** The newest message to this address whose subject matches; waits, as the server sends in the background. */
  const latest = async (to: string, subject: RegExp): Promise<SentMail> => {
    for (let i = 0; i < 200; i++) {
      const found = sent.filter((m) => m.to === to && subject.test(m.subject)).at(-1);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`No mail "${subject}" to ${to}.`);
  };
  return { mail, sent, latest };
}

/** The first link in a message's text. */
export function linkIn(text: string): URL {
  const match = /https?:\/\/\S+/.exec(text);
  if (!match) throw new Error(`No link in:\n${text}`);
  return new URL(match[0]);
}
