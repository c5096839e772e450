import { type FormEvent, useId, useMemo } from 'react';
import { CHANNELS, KEEP_IN_TOUCH, SENIORITY_LABELS, SENIORITY_LEVELS } from '../../domain/vocab.js';
import type { Organization, Person } from '../api.js';
import { OrganizationSelect } from '../organizations/organization-select.js';
import { Field } from '../ui/field.js';
import { channelLabel, KEEP_IN_TOUCH_LABELS } from '../ui/labels.js';
import { knownTimeZones } from '../ui/zoned-time.js';
import { FormerOrganizationsField } from './former-organizations-field.js';
import type { PersonFormValues } from './person-form-values.js';

interface PersonFormProps {
  values: PersonFormValues;
  onChange: (values: PersonFormValues) => void;
  onSubmit: () => void;
  onCancel: () => void;
  organizations: Organization[];
  /** Everyone who could have introduced this person. */
  people: Person[];
  /** The person being edited, who cannot have introduced themselves. */
  personId?: string;
  fieldErrors: Record<string, string>;
  saving: boolean;
  submitLabel: string;
}

/** Every field of a person, in four groups, with each error shown under its field. */
export function PersonForm(props: PersonFormProps) {
  const { values, onChange, fieldErrors: errors, organizations, people } = props;
  const zonesId = useId();
  const zones = useMemo(knownTimeZones, []);
  const set =
    <K extends keyof PersonFormValues>(key: K) =>
    (value: PersonFormValues[K]) =>
      onChange({ ...values, [key]: value });
  const text = (key: keyof PersonFormValues) => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value }),
  });
  const channels: string[] = [...CHANNELS];
  if (values.preferredChannel && !channels.includes(values.preferredChannel))
    channels.push(values.preferredChannel);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Who they are</legend>
        <Field label="Name" required error={errors.fullName}>
          {(c) => <input {...c} autoComplete="off" autoFocus maxLength={200} {...text('fullName')} />}
        </Field>
        <div className="form-grid">
          <Field label="Title" error={errors.title}>
            {(c) => (
              <input {...c} placeholder="e.g. Senior Learning Designer" maxLength={200} {...text('title')} />
            )}
          </Field>
          <Field label="Function" error={errors.function}>
            {(c) => <input {...c} placeholder="e.g. Learning design" maxLength={200} {...text('function')} />}
          </Field>
          <Field label="Seniority" error={errors.seniority}>
            {(c) => (
              <select
                {...c}
                value={values.seniority}
                onChange={(e) => set('seniority')(e.target.value as PersonFormValues['seniority'])}
              >
                <option value="">Not known</option>
                {SENIORITY_LEVELS.map((s) => (
                  <option key={s} value={s}>
                    {SENIORITY_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div>
            <OrganizationSelect
              organizations={organizations}
              value={values.organizationChoice}
              newName={values.newOrganizationName}
              onChange={set('organizationChoice')}
              onNewNameChange={set('newOrganizationName')}
              error={errors.organizationId}
              newNameError={errors.newOrganizationName}
            />
          </div>
        </div>
        <FormerOrganizationsField
          organizations={organizations}
          value={values.pastOrganizationIds}
          onChange={set('pastOrganizationIds')}
          currentId={values.organizationChoice}
          error={errors.pastOrganizationIds}
        />
      </fieldset>

      <fieldset>
        <legend>How to reach them</legend>
        <div className="form-grid">
          <Field label="E-mail" error={errors.email}>
            {(c) => <input {...c} type="email" autoComplete="off" maxLength={254} {...text('email')} />}
          </Field>
          <Field label="Phone" error={errors.phone}>
            {(c) => <input {...c} type="tel" autoComplete="off" maxLength={50} {...text('phone')} />}
          </Field>
          <Field label="LinkedIn URL" error={errors.linkedinUrl}>
            {(c) => (
              <input
                {...c}
                type="url"
                placeholder="https://www.linkedin.com/in/…"
                maxLength={2000}
                {...text('linkedinUrl')}
              />
            )}
          </Field>
          <Field label="Location" error={errors.location}>
            {(c) => <input {...c} placeholder="City or region" maxLength={200} {...text('location')} />}
          </Field>
          <Field
            label="Time zone"
            error={errors.timeZone}
            hint="A name like Europe/Paris; start typing for suggestions."
          >
            {(c) => <input {...c} list={zonesId} autoComplete="off" maxLength={100} {...text('timeZone')} />}
          </Field>
        </div>
        <datalist id={zonesId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </fieldset>

      <fieldset>
        <legend>Your connection</legend>
        <Field label="How we know each other" error={errors.howWeKnow}>
          {(c) => (
            <input
              {...c}
              placeholder="e.g. Same university, met at a meetup"
              maxLength={1000}
              {...text('howWeKnow')}
            />
          )}
        </Field>
        <div className="form-grid">
          <Field label="Introduced by" error={errors.introducedById}>
            {(c) => (
              <select {...c} {...text('introducedById')}>
                <option value="">Nobody / not recorded</option>
                {people
                  .filter((p) => p.id !== props.personId)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.fullName}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label="Connected on" error={errors.connectedOn}>
            {(c) => <input {...c} type="date" {...text('connectedOn')} />}
          </Field>
        </div>
        <Field label="Tags" error={errors.tags} hint="Separate tags with commas, e.g. alumni, design.">
          {(c) => <input {...c} autoComplete="off" {...text('tags')} />}
        </Field>
      </fieldset>

      <fieldset>
        <legend>Keeping in touch</legend>
        <div className="form-grid">
          <Field label="Keep in touch" error={errors.keepInTouch}>
            {(c) => (
              <select
                {...c}
                value={values.keepInTouch}
                onChange={(e) => set('keepInTouch')(e.target.value as PersonFormValues['keepInTouch'])}
              >
                {KEEP_IN_TOUCH.map((k) => (
                  <option key={k} value={k}>
                    {KEEP_IN_TOUCH_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Every (days)"
            error={errors.keepInTouchEveryDays}
            hint="The rhythm you agreed, e.g. 60."
          >
            {(c) => (
              <input
                {...c}
                type="number"
                min={1}
                max={3650}
                inputMode="numeric"
                {...text('keepInTouchEveryDays')}
              />
            )}
          </Field>
          <Field label="Preferred channel" error={errors.preferredChannel}>
            {(c) => (
              <select {...c} {...text('preferredChannel')}>
                <option value="">Not known</option>
                {channels.map((ch) => (
                  <option key={ch} value={ch}>
                    {channelLabel(ch)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <Field
        label="Background"
        error={errors.notes}
        hint="Anything worth remembering about them. Markdown works."
      >
        {(c) => <textarea {...c} rows={4} maxLength={50000} {...text('notes')} />}
      </Field>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={props.saving}>
          {props.saving ? 'Saving…' : props.submitLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
