import { type ReactNode, useId } from 'react';
import { FIELD_LABELS } from '../../domain/field-labels.js';

/** Attributes that tie an input to its label, hint and error message. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  /** The server's message for this field, e.g. "is not an e-mail address". */
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** The server's names for fields, longest first, so "Date and time" wins over "Date". */
const SERVER_LABELS = [...new Set(Object.values(FIELD_LABELS))].sort((a, b) => b.length - a.length);

/**
 * Reads a field message as a sentence about this field as labelled here: "is required" becomes
 * "Name is required"; a server sentence that names the field by its usual label ("Title is
 * required.") takes this form's label instead ("Task or promise is required.").
 */
export function fieldMessage(label: string, message: string): string {
  const first = message.charAt(0);
  if (first && first === first.toLowerCase() && first !== first.toUpperCase()) return `${label} ${message}`;
  const named = SERVER_LABELS.find((l) => message.startsWith(`${l} `) || message.startsWith(`${l}:`));
  return named && named !== label ? `${label}${message.slice(named.length)}` : message;
}

/** A labelled form control with an optional hint and the error message shown right under it. */
export function Field({ label, error, hint, required, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required" title="Required">
            required
          </span>
        )}
      </div>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p id={errorId} className="field-error">
          {fieldMessage(label, error)}
        </p>
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
