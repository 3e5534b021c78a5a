import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTypeView, DecisionModel } from '../../../main/contract/index.ts';
import { useFormatters } from '../common/format.ts';
import { ModelCardDialog } from './model-card-dialog.tsx';
import { ChoiceField } from '../common/choice-field.tsx';

/** Props of ModelPicker. */
export interface ModelPickerProps {
  readonly models: readonly DecisionModel[];
  readonly caseTypes: readonly CaseTypeView[];
  readonly value: string;
  readonly onChange: (sha256: string) => void;
  readonly disabled?: boolean;
}

/** Chooses the model to consult; a model trained on generated cases carries a chip saying so, and its card opens here. */
export function ModelPicker({ models, caseTypes, value, onChange, disabled = false }: ModelPickerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [showCard, setShowCard] = useState(false);
  const chosen = models.find((m) => m.sha256 === value);
  const describe = (m: DecisionModel) => {
    const caseType = caseTypes.find((c) => c.id === m.caseType && c.version === m.caseTypeVersion);
    const outcome = t(`decision.outcomes.${m.outcome}`, { defaultValue: m.outcome });
    return t('decision.models.option', {
      caseType: t(`decisionSchema.${m.caseType}.title`, { defaultValue: caseType?.title ?? m.caseType }),
      outcome,
      created: format.dateTime(m.card.createdAt),
      hash: m.sha256.slice(0, 12),
      synthetic: m.synthetic ? ` — ${t('decision.synthetic.chip')}` : '',
    });
  };
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'center' } }}>
      <ChoiceField
        label={t('decision.models.label')}
        value={value}
        onChange={(sha256) => sha256 !== '' && onChange(sha256)}
        choices={models.map((m) => ({ value: m.sha256, label: describe(m) }))}
        disabled={disabled}
        sx={{ minWidth: 320, flex: 1 }}
        testId="model-picker"
      />
      {chosen?.synthetic && <Chip color="warning" label={t('decision.synthetic.chip')} data-testid="model-synthetic-chip" />}
      {chosen && (
        <Button startIcon={<InfoOutlinedIcon />} onClick={() => setShowCard(true)} data-testid="model-card-button" sx={{ flexShrink: 0 }}>
          {t('decision.models.card')}
        </Button>
      )}
      {showCard && chosen && <ModelCardDialog card={chosen.card} caseType={caseTypes.find((c) => c.id === chosen.caseType && c.version === chosen.caseTypeVersion) ?? null} onClose={() => setShowCard(false)} />}
    </Stack>
  );
}
