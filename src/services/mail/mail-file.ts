/**
 * Reading a mail file the user exported: a Gmail Takeout `.mbox` (many messages, each after a
 * "From " line) or one `.eml` message. Hostile or wrong files are refused with a sentence.
 */
import { AppError } from '../../domain/errors.js';

/** The largest mail file taken: Takeout splits by label, so a label at a time fits. */
export const MAX_MAIL_FILE_BYTES = 200 * 1024 * 1024;
/** The most messages one file may hold. */
export const MAX_MAIL_FILE_MESSAGES = 100_000;
/** The longest header block read of one message; real ones are a few KB. */
const MAX_HEADER_BYTES = 256 * 1024;

const refuse = (userMessage: string) =>
  new AppError('validation', { userMessage, issues: [{ field: 'file', message: userMessage }] });

/** The separator line of an mbox: "From sender date", e.g. "From 1790…@xxx Mon Jan 05 09:00:00 +0000 2026". */
const FROM_LINE = /^From \S+ +\S/;

/**
 * Splits the file into raw messages. A `.eml` (or a file that does not start with "From ") is one
 * message; an `.mbox` is cut at each "From " line that starts a message, and lines the format
 * escaped (">From ") are given back their text.
 */
export function splitMailFile(bytes: Uint8Array, fileName: string, maxBytes = MAX_MAIL_FILE_BYTES): Buffer[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = fileName || 'the file';
  if (buffer.length === 0) throw refuse(`${name} is empty.`);
  if (buffer.length > maxBytes) {
    throw new AppError('too_large', {
      userMessage: `${name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Export one label (or a year) at a time and import the files one after the other.`,
      issues: [{ field: 'file', message: 'is too large' }],
    });
  }
  if (buffer.subarray(0, 8192).includes(0)) {
    throw refuse(
      `${name} holds binary data, not mail. Choose an .mbox file (from Gmail Takeout) or an .eml file.`,
    );
  }
  // latin1 keeps every byte as one character, so cutting the text cuts the bytes in the same places.
  const text = buffer.toString('latin1');
  const raws: string[] = [];
  if (!FROM_LINE.test(text.slice(0, 1000))) {
    raws.push(text);
  } else {
    let start = 0;
    let at = text.indexOf('\n');
    while (at >= 0 && at < text.length - 1) {
      const next = at + 1;
      const blankBefore = text[at - 1] === '\n' || (text[at - 1] === '\r' && text[at - 2] === '\n');
      if (text.startsWith('From ', next) && (blankBefore || FROM_LINE.test(text.slice(next, next + 200)))) {
        raws.push(text.slice(start, at + 1));
        start = next;
        if (raws.length > MAX_MAIL_FILE_MESSAGES) break;
      }
      at = text.indexOf('\n', next);
    }
    raws.push(text.slice(start));
  }
  if (raws.length > MAX_MAIL_FILE_MESSAGES) {
    throw refuse(
      `${name} holds more than ${MAX_MAIL_FILE_MESSAGES.toLocaleString('en')} messages. Export one label (or a year) at a time.`,
    );
  }
  const messages = raws
    .map((raw) => {
      // The "From " line is the mbox's, not the message's; ">From " lines were escaped by it.
      const body = FROM_LINE.test(raw.slice(0, 200)) ? raw.slice(raw.indexOf('\n') + 1) : raw;
      return Buffer.from(body.replace(/^>(>*From )/gm, '$1'), 'latin1');
    })
    .filter((m) => m.length > 0);
  if (!messages.length || !looksLikeMail(messages[0]!)) {
    throw refuse(
      `No e-mail was found in ${name}. An .mbox file starts with a line "From …", an .eml file with headers such as From: and Subject:.`,
    );
  }
  return messages;
}

/** True when the message starts with header lines, as every e-mail does. */
function looksLikeMail(raw: Buffer): boolean {
  const head = raw.subarray(0, 4096).toString('latin1');
  return /^[!-9;-~]+:/.test(head) && /^(from|date|subject|message-id|to|received|return-path):/im.test(head);
}

/** The header block of a message (up to the first empty line), for matching before the body is read. */
export function headerBlock(raw: Buffer): Buffer {
  const limit = Math.min(raw.length, MAX_HEADER_BYTES);
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf >= 0 ? crlf + 4 : -1, lf >= 0 ? lf + 2 : -1].filter((n) => n >= 0 && n <= limit);
  return raw.subarray(0, ends.length ? Math.min(...ends) : limit);
}
