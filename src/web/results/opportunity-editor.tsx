import { useState } from 'react';
import { api, call, type Organization } from '../api.js';
import type { Opportunity } from '../network/network-api.js';
import { NEW_ORGANIZATION, resolveOrganizationChoice } from '../organizations/organization-choice.js';
import { Alert } from '../ui/alert.js';
import { sameValues } from '../ui/local-draft.js';
import { StaleNotice } from '../ui/stale-notice.js';
import { useUnsavedChanges } from '../ui/use-unsaved-changes.js';
import { useVersionedSave } from '../ui/use-versioned-save.js';
import { OpportunityForm } from './opportunity-form.js';
import { type OpportunityFormValues, valuesToOpportunityInput } from './opportunity-form-values.js';

interface OpportunityEditorProps {
  /** The opportunity being edited; none to record a new one. */
  opportunity?: Opportunity;
  initial: OpportunityFormValues;
  organizations: Organization[];
  onSaved: (saved: Opportunity) => void;
  onCancel: () => void;
  /** Drops the typed values and shows the saved record again. */
  onReloadLatest: () => void;
  /** A new organization was created while saving. */
  onOrganizationAdded: () => void;
}

/** Records or edits an opportunity, keeping the typed values when the server refuses them. */
export function OpportunityEditor(props: OpportunityEditorProps) {
  const { opportunity } = props;
  const [values, setValues] = useState(props.initial);
  const unsaved = useUnsavedChanges(!sameValues(values, props.initial));
  const { saving, problem, stale, save } = useVersionedSave(async (overwrite) => {
    const organizationId = await resolveOrganizationChoice(
      values.organizationChoice,
      values.newOrganizationName,
    );
    if (values.organizationChoice === NEW_ORGANIZATION && organizationId) {
      // The organization exists now: a second attempt must not create it again.
      setValues((v) => ({ ...v, organizationChoice: organizationId, newOrganizationName: '' }));
      props.onOrganizationAdded();
    }
    const input = valuesToOpportunityInput(values, organizationId);
    const saved = opportunity
      ? await call(
          api.opportunities[':id'].$patch({
            param: { id: opportunity.id },
            json: { ...input, version: overwrite ? undefined : opportunity.version },
          }),
        )
      : await call(api.opportunities.$post({ json: input }));
    unsaved.release();
    props.onSaved(saved);
  });

  const hasFieldErrors = problem && Object.keys(problem.fieldErrors).length > 0;
  return (
    <div className="opportunity-editor">
      {stale && (
        <StaleNotice
          message={stale}
          busy={saving}
          onReload={props.onReloadLatest}
          onOverwrite={() => save(true)}
        />
      )}
      {problem && (
        <Alert>
          {hasFieldErrors ? 'Some fields need attention; see the messages next to them.' : problem.message}
        </Alert>
      )}
      <OpportunityForm
        values={values}
        onChange={setValues}
        onSubmit={() => save()}
        onCancel={props.onCancel}
        organizations={props.organizations}
        fieldErrors={problem?.fieldErrors ?? {}}
        saving={saving}
        submitLabel={opportunity ? 'Save changes' : 'Save result'}
        label={opportunity ? `Edit ${opportunity.title}` : 'Record a result'}
      />
    </div>
  );
}
