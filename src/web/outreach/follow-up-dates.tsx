import { api, type Conversation, call } from '../api.js';
import { formatWeekDay } from '../ui/format-week-day.js';
import { useLoad } from '../ui/use-load.js';
import '../agenda/upcoming.css';

/**
 * While a request waits for a reply: the days the 3B7 rule brings the second contact and the one
 * follow-up ("Follow up on Tue 15 Dec if no answer"), from the same rule as Today's items.
 */
export function FollowUpDates({ conversation: c }: { conversation: Conversation }) {
  const plan = useLoad(`follow-ups:${c.id}:${c.version}`, () =>
    call(api.conversations[':id']['follow-ups'].$get({ param: { id: c.id } })),
  );
  const steps = plan.data?.steps ?? [];
  if (steps.length === 0) return null;
  const where = c.organizationName ?? 'the same organization';
  return (
    <ul className="follow-up-dates" aria-label="If no answer comes">
      {steps.map((s) => {
        const day = formatWeekDay(s.dueDate);
        const text =
          s.kind === 'follow_up'
            ? s.due
              ? `No answer yet: send your one follow-up now (due ${day}).`
              : `Follow up on ${day} if no answer.`
            : s.due
              ? `No answer yet: write to a second person at ${where} now (due ${day}).`
              : `Write to a second person at ${where} on ${day} if no answer.`;
        return (
          <li key={s.kind} className={s.due ? 'follow-up-due' : undefined}>
            {text}
          </li>
        );
      })}
    </ul>
  );
}
