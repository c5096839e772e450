import nodemailer, { type Transporter } from 'nodemailer';

/**
 * The hosted server's own outgoing mail (password reset, e-mail verification), sent through the
 * SMTP server named by --smtp-url. It has nothing to do with the mailboxes people connect to
 * their workspaces: those send as the person, this sends as the server.
 */
export interface ServerMail {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** What a person is told when the server was started without --smtp-url. */
export const MAIL_NOT_CONFIGURED_MESSAGE =
  'This server cannot send e-mail: it was started without mail settings. Ask its administrator to set them up (or to help you directly).';

/** The From of the server's mail: --mail-from, else the SMTP user when it is an address. */
function fromAddress(smtpUrl: URL, mailFrom: string | undefined, publicUrl: string): string {
  if (mailFrom) return mailFrom;
  const user = decodeURIComponent(smtpUrl.username);
  if (user.includes('@')) return `Rapport <${user}>`;
  return `Rapport <rapport@${new URL(publicUrl).hostname}>`;
}

/**
 * A sender for --smtp-url smtp://user:password@host:587 (STARTTLS when the server offers it) or
 * smtps://…:465; null without one. Options nodemailer reads from the address's query (such as
 * ?tls.rejectUnauthorized=false) pass through.
 */
export function createServerMail(opts: {
  smtpUrl?: string;
  mailFrom?: string;
  publicUrl: string;
}): ServerMail | null {
  if (!opts.smtpUrl) return null;
  const url = new URL(opts.smtpUrl);
  return transportMail(
    nodemailer.createTransport(opts.smtpUrl),
    fromAddress(url, opts.mailFrom, opts.publicUrl),
  );
}

/** Mail through any nodemailer transport (tests use its JSON transport, which keeps what it would send). */
export function transportMail(transport: Transporter, from: string): ServerMail {
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

export function resetPasswordMail(m: { name: string; email: string; link: string; host: string }) {
  return {
    to: m.email,
    subject: 'Choose a new Rapport password',
    text: [
      `Hello ${m.name},`,
      '',
      `Someone, most likely you, asked to choose a new password for the Rapport account ${m.email} on ${m.host}.`,
      '',
      'To choose one, open this link within the next hour:',
      m.link,
      '',
      'The link works once. Choosing a new password signs the account out on every other device.',
      '',
      'If you did not ask for this, you can ignore this message: your password stays as it is.',
      '',
    ].join('\n'),
  };
}

export function verifyEmailMail(m: { name: string; email: string; link: string; host: string }) {
  return {
    to: m.email,
    subject: 'Confirm your e-mail address for Rapport',
    text: [
      `Hello ${m.name},`,
      '',
      `Please confirm that ${m.email} is your address by opening this link within the next day:`,
      m.link,
      '',
      'Once it is confirmed, this address is where a password reset can reach you.',
      '',
      `If you did not make a Rapport account on ${m.host}, you can ignore this message.`,
      '',
    ].join('\n'),
  };
}
