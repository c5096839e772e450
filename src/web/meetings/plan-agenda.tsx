import { useEffect, useRef, useState } from 'react';
import { api, call, describeError } from '../api.js';
import { Alert, Notice } from '../ui/alert.js';
import { PlanItemRow } from './plan-item-row.js';
import { groupBySection, moveWithinSection } from './plan-order.js';
import type { Plan, PlanItem } from './preparation-api.js';

interface PlanAgendaProps {
  conversationId: string;
  plan: Plan;
  onChanged: (plan: Plan) => void;
}

/** "28 of 30 minutes planned", and a warning when the agenda runs over the meeting. */
export function PlanTiming({ plan }: { plan: Plan }) {
  const spare = plan.durationMinutes - plan.totalMinutes;
  return (
    <div className="plan-timing">
      <p className="plan-total">
        <strong>{plan.totalMinutes}</strong> of {plan.durationMinutes} minutes planned
      </p>
      {plan.overBy > 0 ? (
        <Notice tone="warning">
          The agenda runs {plan.overBy} {plan.overBy === 1 ? 'minute' : 'minutes'} over the{' '}
          {plan.durationMinutes}-minute meeting. Shorten or drop a line: keeping to the time you asked for is
          part of the promise.
        </Notice>
      ) : (
        spare > 0 && (
          <p className="muted small">
            {spare} {spare === 1 ? 'minute' : 'minutes'} to spare — answers usually run long.
          </p>
        )
      )}
    </div>
  );
}

/** The agenda grouped by section; lines move up and down within their section with buttons. */
export function PlanAgenda({ conversationId, plan, onChanged }: PlanAgendaProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<{ id: string; step: -1 | 1 } | null>(null);

  // Reordering moves the row in the page; keep the keyboard on the button that moved it.
  useEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending || busy) return;
    focusAfterMove.current = null;
    const same = buttons.current.get(`${pending.id}:${pending.step === -1 ? 'up' : 'down'}`);
    const other = buttons.current.get(`${pending.id}:${pending.step === -1 ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  });

  const move = async (item: PlanItem, step: -1 | 1) => {
    const moved = moveWithinSection(plan.items, item.id, step);
    if (!moved) return;
    const before = plan;
    setError(null);
    setBusy(true);
    focusAfterMove.current = { id: item.id, step };
    onChanged({ ...plan, items: moved });
    try {
      const saved = await call(
        api.preparation.plans[':id'].order.$put({
          param: { id: conversationId },
          json: { itemIds: moved.map((i) => i.id) },
        }),
      );
      const inSection = moved.filter((i) => i.section === item.section);
      const place = inSection.findIndex((i) => i.id === item.id) + 1;
      setAnnouncement(`Moved to place ${place} of ${inSection.length} in its section.`);
      onChanged(saved);
    } catch (err) {
      onChanged(before);
      setError(`The new order was not saved. ${describeError(err).message}`);
    } finally {
      setBusy(false);
    }
  };

  const setRef = (key: string, el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  const groups = groupBySection(plan.items);
  return (
    <div className="plan-agenda">
      {error && <Alert>{error}</Alert>}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {groups.map((group) => (
        <section key={group.section} className="plan-section" aria-label={group.label}>
          <h3>
            {group.label} <span className="muted small">{group.minutes} min</span>
          </h3>
          <ol className="plan-items">
            {group.items.map((item, n) => (
              <PlanItemRow
                key={item.id}
                item={item}
                canMoveUp={n > 0}
                canMoveDown={n < group.items.length - 1}
                busy={busy}
                onMove={move}
                onChanged={onChanged}
                buttonRef={setRef}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
