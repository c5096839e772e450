import { type SQL, sql } from 'drizzle-orm';
import { ACQUAINTED_STATUSES, INTRODUCTION_MADE_STATES } from '../../domain/lamp.js';

function inList(values: readonly string[]): SQL {
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/**
 * SQL true when the person whose id is `personId` knows the user, by ADVOCACY_RULE in
 * domain/lamp.ts: they answered a request or met the user (a conversation accepted, scheduled or
 * held), wrote to the user (a polite no excepted), the user logged a call with them, they agreed
 * to keep in touch or the user recorded when they connected, or an introduction was made to them
 * or by them. The target list's Advocacy and the "ways in" panel share it.
 */
export function knowsTheUserSql(personId: SQL): SQL {
  return sql`(
    exists (select 1 from people k where k.id = ${personId}
      and (k.keep_in_touch = 'yes' or k.connected_on is not null))
    or exists (select 1 from conversation_participants cp join conversations c on c.id = cp.conversation_id
      where cp.person_id = ${personId} and c.status in ${inList(ACQUAINTED_STATUSES)})
    or exists (select 1 from messages m
      where m.person_id = ${personId} and m.direction = 'in' and m.purpose <> 'decline')
    or exists (select 1 from notes n where n.person_id = ${personId} and n.kind = 'call')
    or exists (select 1 from introductions i
      where (i.introduced_id = ${personId} or i.introducer_id = ${personId})
        and i.state in ${inList(INTRODUCTION_MADE_STATES)})
  )`;
}
