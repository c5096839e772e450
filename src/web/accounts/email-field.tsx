import { Field } from '../ui/field.js';

/** The account's e-mail address, as the sign-in, sign-up and forgotten-password forms ask for it. */
export function EmailField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Field label="E-mail" required>
      {(control) => (
        <input
          {...control}
          type="email"
          autoComplete="email"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
