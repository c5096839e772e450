import { type ReactNode, useId } from 'react';

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

/** Reads a field message as a sentence: "is required" becomes "Name is required". */
export function fieldMessage(label: string, message: string): string {
  const first = message.charAt(0);
  return first && first === first.toLowerCase() && first !== first.toUpperCase()
    ? `${label} ${message}`
    : message;
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
