import { useState } from 'react';
import { CSV_FIELD_LABELS, CSV_FIELDS, checkMapping } from '../../domain/csv-mapping.js';
import { AppError } from '../../domain/errors.js';
import { Notice } from '../ui/alert.js';
import { formatCount } from '../ui/format.js';
import type { CsvFieldChoice, CsvInspection, CsvMapping } from './import-api.js';

const CHOICES: CsvFieldChoice[] = ['ignore', ...CSV_FIELDS];
/** Sample values shown per column: enough to recognise what it holds. */
const EXAMPLES = 3;

interface CsvMappingStepProps {
  fileName: string;
  columns: CsvInspection;
  mapping: CsvMapping;
  onChange: (mapping: CsvMapping) => void;
  onContinue: () => void;
  onCancel: () => void;
}

/** The problem with a mapping in words, or null when it can be previewed. */
function mappingProblem(mapping: CsvMapping, headers: string[]): string | null {
  try {
    checkMapping(mapping, headers);
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.userMessage.replace(/^mapping: /, '');
    throw err;
  }
}

/**
 * The mapping step of a CSV import: one row per column of the file, with a few of its values
 * and a labelled select for the field it holds. Tab moves between the selects.
 */
export function CsvMappingStep({
  fileName,
  columns,
  mapping,
  onChange,
  onContinue,
  onCancel,
}: CsvMappingStepProps) {
  const [tried, setTried] = useState(false);
  const problem = mappingProblem(mapping, columns.headers);
  const set = (index: number, field: CsvFieldChoice) =>
    onChange(mapping.map((f, i) => (i === index ? field : f)));

  return (
    <section aria-labelledby="csv-mapping-heading">
      <h2 id="csv-mapping-heading">Match the columns</h2>
      {columns.remembered ? (
        <Notice>These are the choices you made last time for a file with the same columns.</Notice>
      ) : (
        <p className="muted">
          We guessed what each column of {fileName} holds from its name. Check the guesses, choose a field for
          the columns we did not recognise, or ignore them. Your choices are remembered for files with the
          same columns.
        </p>
      )}
      <p className="muted small">
        {formatCount(columns.rowCount)} {columns.rowCount === 1 ? 'row' : 'rows'} of people. A name is needed:
        choose Full name, or First name and Last name.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!problem) onContinue();
        }}
      >
        <div className="table-wrap">
          <table className="table csv-mapping">
            <caption>Columns of {fileName}</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Examples from the file</th>
                <th scope="col">Holds</th>
              </tr>
            </thead>
            <tbody>
              {columns.headers.map((header, i) => {
                const examples = columns.sample
                  .map((row) => row[i]?.trim() ?? '')
                  .filter(Boolean)
                  .slice(0, EXAMPLES);
                return (
                  <tr key={i}>
                    <th scope="row">{header}</th>
                    <td className="small">
                      {examples.length ? (
                        <ul className="csv-examples">
                          {examples.map((v, k) => (
                            <li key={k}>{v}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">(empty in the first rows)</span>
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={`Field for column “${header}”`}
                        value={mapping[i]}
                        onChange={(e) => set(i, e.target.value as CsvFieldChoice)}
                      >
                        {CHOICES.map((field) => (
                          <option key={field} value={field}>
                            {CSV_FIELD_LABELS[field]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {problem && tried && (
          <p className="field-error" role="alert">
            {problem.charAt(0).toUpperCase() + problem.slice(1)}
          </p>
        )}
        <div className="form-actions import-actions">
          <button type="submit" className="button button-primary">
            Continue to the preview
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
