import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { addCalendarDays, startOfLocalDay } from '../../domain/business-days.js';
import { type AgendaItem, api, call, describeError } from '../api.js';
import { Alert } from '../ui/alert.js';
import { AGENDA_KIND_LABELS } from '../ui/labels.js';
import { Loading } from '../ui/loading.js';
import { UndoToast } from '../ui/undo-toast.js';
import { useLoad } from '../ui/use-load.js';
import { type AgendaAnswer, AgendaItemRow, type MeetingAnswer } from './agenda-item-row.js';
import { ShowAllButton } from './show-all-button.js';
import { UpcomingList } from './upcoming-list.js';

type AgendaKind = AgendaItem['kind'];
type AgendaGroup = AgendaKind | 'upcoming';
const KIND_ORDER = Object.keys(AGENDA_KIND_LABELS) as AgendaKind[];

/** The agenda, with the groups named in `full` whole. A second contact names its organization. */
function loadToday(full: AgendaGroup[]) {
  return call(api.agenda.$get({ query: full.length ? { full: full.join(',') } : {} }));
}

interface Toast {
  text: string;
  /** A snoozed or dismissed item, which Undo brings back. */
  undo?: { key: string; label: string };
}

const DONE_TEXT: Record<AgendaAnswer, string> = {
  done: 'Marked as done',
  snooze: 'Snoozed until tomorrow',
  dismiss: 'Dismissed',
};

/**
 * Today's agenda on the home page: what is due or overdue, grouped by kind, each with its next
 * step; then what comes up in the week after.
 */
export function TodayPanel() {
  // Long groups come cut to their first items; "Show all" asks for the whole group, which then
  // stays whole through the reloads that follow each answer.
  const [full, setFull] = useState<AgendaGroup[]>([]);
  const agenda = useLoad(`agenda:${full.join(',')}`, () => loadToday(full));
  // After "Show all", the first item that was not shown before takes the focus.
  const [reveal, setReveal] = useState<{ group: AgendaGroup; index: number; before: unknown } | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = agenda.data;

  const answer = async (key: string, label: string, action: AgendaAnswer | 'reopen') => {
    if (!data) return;
    setBusyKey(key);
    setError(null);
    try {
      // "Tomorrow" starts at midnight on the user's clock, not 24 hours from now.
      const until =
        action === 'snooze'
          ? startOfLocalDay(addCalendarDays(data.today, 1), data.timeZone).toISOString()
          : undefined;
      await call(api.agenda.answer.$post({ json: { key, action, until } }));
      // The answered item leaves at once; the reload below brings the list up to date.
      if (action !== 'reopen') agenda.setData({ ...data, items: data.items.filter((i) => i.key !== key) });
      setToast(
        action === 'reopen'
          ? { text: `Brought back: ${label}` }
          : {
              text: `${DONE_TEXT[action]}: ${label}`,
              // Done may have ticked off a task or restarted a clock; snooze and dismiss only hide the item.
              ...(action === 'snooze' || action === 'dismiss' ? { undo: { key, label } } : {}),
            },
      );
      agenda.reload();
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusyKey(null);
    }
  };

  // Held and Cancelled are status moves of the conversation, through its own route; the question
  // leaves Today because the meeting is no longer "scheduled", and Held brings the thank-yous.
  const answerMeeting = async (item: AgendaItem, to: MeetingAnswer) => {
    if (!data || !item.conversationId) return;
    setBusyKey(item.key);
    setError(null);
    try {
      await call(api.conversations[':id'].move.$post({ param: { id: item.conversationId }, json: { to } }));
      agenda.setData({ ...data, items: data.items.filter((i) => i.key !== item.key) });
      const names = item.people.map((p) => p.fullName).join(', ');
      setToast({
        text:
          to === 'held'
            ? `Marked as held. Thank ${names || 'them'} within a day: the notes are on your list.`
            : `Marked as cancelled: the meeting with ${names || 'them'}`,
      });
      agenda.reload();
    } catch (err) {
      if (to === 'held') setError(describeError(err).message);
      throw err;
    } finally {
      setBusyKey(null);
    }
  };

  useEffect(() => {
    // Once the answer with the whole group is in: the data on screen at the click is not it.
    if (!reveal || !data || data === reveal.before || agenda.loading) return;
    const list = panelRef.current?.ownerDocument.getElementById(`agenda-list-${reveal.group}`);
    const item = list?.querySelectorAll('[data-key]')[reveal.index];
    item?.querySelector<HTMLElement>('a[href], button:not([disabled])')?.focus();
    setReveal(null);
  }, [reveal, data, agenda.loading]);

  const showAll = (group: AgendaGroup, shown: number) => {
    if (full.includes(group)) return;
    setReveal({ group, index: shown, before: data });
    setFull([...full, group]);
  };
  const total = (group: AgendaGroup, shown: number) => data?.totals[group] ?? shown;
  // A whole group has no button, even while an answer on it is taken away and the count catches up.
  const showAllButton = (group: AgendaGroup, shown: number) =>
    full.includes(group) && reveal?.group !== group ? null : (
      <ShowAllButton
        shown={shown}
        total={total(group, shown)}
        controls={`agenda-list-${group}`}
        loading={full.includes(group)}
        onShowAll={() => showAll(group, shown)}
      />
    );

  const overdue = data?.overdue ?? 0;
  const undo = toast?.undo;
  return (
    <>
      <section ref={panelRef} className="card today" aria-labelledby="today-heading">
        <h2 id="today-heading">
          Today
          {overdue > 0 && <span className="tag tag-overdue">{overdue} overdue</span>}
        </h2>
        {toast && (
          <UndoToast
            text={toast.text}
            onUndo={undo ? () => void answer(undo.key, undo.label, 'reopen') : undefined}
            undoDisabled={busyKey !== null}
            onClose={() => setToast(null)}
          />
        )}
        {error && <Alert>{error}</Alert>}
        {agenda.error && <Alert>{agenda.error.message}</Alert>}
        {!data && agenda.loading && <Loading what="Loading today's agenda" />}
        {data && data.items.length === 0 && (
          <div className="today-empty">
            <p>Nothing is waiting for you today. Well done.</p>
            <p className="muted">
              A quiet day is a good one for looking ahead: pick the next organization on your{' '}
              <Link to="/targets">target list</Link> and{' '}
              <Link to="/conversations/new">plan a conversation</Link> with someone who works there.
            </p>
          </div>
        )}
        {data &&
          KIND_ORDER.map((kind) => {
            const items = data.items.filter((i) => i.kind === kind);
            if (items.length === 0) return null;
            const headingId = `agenda-${kind}`;
            return (
              <section key={kind} className="agenda-group" aria-labelledby={headingId}>
                <h3 id={headingId}>
                  {AGENDA_KIND_LABELS[kind]}{' '}
                  <span className="muted small">({total(kind, items.length)})</span>
                </h3>
                <ul className="agenda-list" id={`agenda-list-${kind}`}>
                  {items.map((item) => (
                    <AgendaItemRow
                      key={item.key}
                      item={item}
                      today={data.today}
                      organizationId={item.organizationId}
                      busy={busyKey !== null}
                      onAnswer={(a) => answer(item.key, item.title, a)}
                      onMeetingAnswer={(a) => answerMeeting(item, a)}
                    />
                  ))}
                </ul>
                {showAllButton(kind, items.length)}
              </section>
            );
          })}
      </section>
      {data && (
        <UpcomingList items={data.upcoming} footer={showAllButton('upcoming', data.upcoming.length)} />
      )}
    </>
  );
}
