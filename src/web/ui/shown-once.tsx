import { type ReactNode, useId, useState } from 'react';

/**
 * A secret the server keeps only as a fingerprint (a feed address, an access token), shown once
 * right after it is made, in a field that selects itself on focus, with a Copy button.
 */
export function ShownOnce(props: {
  /** The sentence in bold: what is ready. */
  ready: ReactNode;
  /** The field's label, e.g. "Feed address". */
  label: string;
  /** What the copy button copies, for its label and the fallback message: "address", "token". */
  what: string;
  value: string;
  /** Reports a browser that refuses to copy. */
  onError: (message: string) => void;
}) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied(true);
    } catch {
      props.onError(`The browser did not allow copying. Select the ${props.what} and copy it by hand.`);
    }
  };
  return (
    <div className="notice notice-success feed-created" role="status">
      <p>
        <strong>{props.ready}</strong> Copy it now: it is shown only this once.
      </p>
      <label htmlFor={id}>{props.label}</label>
      <div className="form-row">
        <input id={id} className="feed-url" readOnly value={props.value} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={copy}>
          {copied ? 'Copied' : `Copy ${props.what}`}
        </button>
      </div>
    </div>
  );
}
