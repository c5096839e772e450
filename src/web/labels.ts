/**
 * Words for the few values whose labels only the web app shows. The labels of conversation types,
 * statuses, mediums and seniority levels come from src/domain/vocab.ts.
 */
import type { Channel, KeepInTouch, NoteKind } from '../domain/vocab.js';

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'E-mail',
  linkedin: 'LinkedIn',
  phone: 'Phone',
  text: 'Text message',
  in_person: 'In person',
};

export const KEEP_IN_TOUCH_LABELS: Record<KeepInTouch, string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not agreed yet',
};

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  note: 'Note',
  research: 'Research',
  debrief: 'Debrief',
  call: 'Call',
};

/** The label of a channel, or the stored text when it is not one of the known channels. */
export function channelLabel(channel: string | null | undefined): string {
  if (!channel) return '';
  return CHANNEL_LABELS[channel as Channel] ?? channel;
}
