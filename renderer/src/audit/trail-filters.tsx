import FilterAltIcon from '@mui/icons-material/FilterAlt';
import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../main/contract/index.ts';
import { LocalTimeField } from '../common/date-text-field.tsx';
import { CasePicker } from './case-picker.tsx';
import { emptyTrailFilter, rangeIsBackwards, type TrailFilter } from './trail-query.ts';
import { ChoiceField } from '../common/choice-field.tsx';

/** Props of TrailFilters. */
export interface TrailFiltersProps {
  readonly applied: TrailFilter;
  readonly onApply: (filter: TrailFilter) => void;
  /** Cases to pick from, or null where the role types a case id. */
  readonly cases: readonly Case[] | null;
}

/** The kinds of action the trail can be narrowed to, each the prefix its action codes share. */
const actionGroups = ['auth', 'user', 'settings', 'case', 'evidence', 'analysis', 'findings', 'finding', 'review', 'report', 'library', 'decision', 'verdict', 'audit'] as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The trail's filter form: case, actor (user name), action prefix and a time range in local time. Changes apply on
 * "Apply" (or Enter), so a half-typed time never sends a query; "Clear" shows the whole log again.
 */
export function TrailFilters({ applied, onApply, cases }: TrailFiltersProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TrailFilter>(applied);
  const set = (field: keyof TrailFilter) => (value: string) => setDraft((previous) => ({ ...previous, [field]: value }));
  const backwards = rangeIsBackwards(draft.from, draft.to);
  const badCaseId = cases === null && draft.caseId !== '' && !uuidPattern.test(draft.caseId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (backwards || badCaseId) return;
    onApply(draft);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('audit.trail.filters')} data-testid="trail-filters">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <CasePicker
          value={draft.caseId}
          onChange={set('caseId')}
          cases={cases}
          testId="trail-filter-case"
          anyLabel={t('audit.trail.allCases')}
          error={badCaseId ? t('audit.caseIdInvalid') : null}
        />
        <TextField
          size="small"
          label={t('audit.trail.actor')}
          value={draft.actor}
          onChange={(event) => set('actor')(event.target.value)}
          placeholder={t('audit.trail.actorHint')}
          slotProps={{ htmlInput: { 'data-testid': 'trail-filter-actor', maxLength: 64, spellCheck: false } }}
        />
        <ChoiceField
          size="small"
          label={t('audit.trail.actionKind')}
          value={draft.action}
          onChange={set('action')}
          choices={actionGroups.map((group) => ({ value: `${group}.`, label: t(`audit.actionGroups.${group}`) }))}
          empty={{ label: t('audit.trail.allActions'), choosable: true }}
          sx={{ minWidth: 200 }}
          testId="trail-filter-action"
        />
        <LocalTimeField size="small" label={t('audit.trail.from')} value={draft.from} onChange={set('from')} testId="trail-filter-from" />
        <LocalTimeField
          size="small"
          label={t('audit.trail.to')}
          value={draft.to}
          onChange={set('to')}
          dayAlone="end"
          error={backwards ? t('audit.rangeBackwards') : null}
          testId="trail-filter-to"
        />
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" startIcon={<FilterAltIcon />} data-testid="trail-filter-apply" sx={{ height: 40 }}>
            {t('audit.trail.apply')}
          </Button>
          <Button
            startIcon={<FilterAltOffIcon />}
            onClick={() => {
              setDraft(emptyTrailFilter);
              onApply(emptyTrailFilter);
            }}
            data-testid="trail-filter-clear"
            sx={{ height: 40 }}
          >
            {t('audit.trail.clear')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
