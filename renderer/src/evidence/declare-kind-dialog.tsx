import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabelKey, useCatalog } from '../forensics/use-catalog.ts';
import type { Declared, PendingDeclaration } from './use-evidence-intake.ts';
import { ChoiceField } from '../common/choice-field.tsx';
import { FileName } from '../common/file-name.tsx';

/** Props of DeclareKindDialog. */
export interface DeclareKindDialogProps {
  readonly declaration: PendingDeclaration;
}

const images = new Set(['png', 'jpeg', 'tiff']);

/**
 * Before files are stored, the expert confirms or changes what each is evidence of (the kind suggested from the file
 * is preselected; only kinds its file type can be are offered), and gives the pixel size of a 2D image where its kind
 * needs one (it may also be given later, when comparing).
 */
export function DeclareKindDialog({ declaration }: DeclareKindDialogProps) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const [kinds, setKinds] = useState<Record<number, string>>(() => Object.fromEntries(declaration.files.map((f) => [f.key, f.suggestion.category])));
  const [pixel, setPixel] = useState<Record<number, string>>({});
  const [checked, setChecked] = useState(false);
  const needsScale = new Set((catalog.value?.kinds ?? []).filter((k) => k.imagesNeedPixelSize).map((k) => k.id));
  const asksScale = (key: number, format: string) => images.has(format) && needsScale.has(kinds[key]!);
  const scaleOf = (key: number) => {
    const text = (pixel[key] ?? '').trim().replace(',', '.');
    return text === '' ? undefined : Number(text);
  };
  const badScale = (key: number) => {
    const value = scaleOf(key);
    return value !== undefined && !(value > 0 && value <= 1000);
  };

  // Several files of one kind (a writer's pages, a plate's photos) are declared at once: the kinds every file can be.
  const shared = declaration.files.length < 2 ? [] : declaration.files.map((f) => f.suggestion.allowed).reduce((common, allowed) => common.filter((kind) => allowed.includes(kind)));
  const chosen = new Set(declaration.files.map((f) => kinds[f.key]));
  const allKind = chosen.size === 1 ? [...chosen][0]! : '';
  const setAll = (kind: string) => {
    if (kind) setKinds(Object.fromEntries(declaration.files.map((f) => [f.key, kind])));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (declaration.files.some((f) => asksScale(f.key, f.suggestion.format) && badScale(f.key))) return;
    const declared = new Map<number, Declared>();
    for (const f of declaration.files) {
      const pixelUm = asksScale(f.key, f.suggestion.format) ? scaleOf(f.key) : undefined;
      declared.set(f.key, { category: kinds[f.key]!, ...(pixelUm !== undefined ? { pixelUm } : {}) });
    }
    declaration.confirm(declared);
  };

  return (
    <Dialog open onClose={declaration.cancel} fullWidth maxWidth="sm" aria-labelledby="declare-kind-title" data-testid="declare-kind-dialog">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="declare-kind-title">{t('intake.declare.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{t('intake.declare.intro')}</DialogContentText>
            {shared.length > 0 && (
              <ChoiceField
                label={t('intake.declare.allKinds', { files: declaration.files.length })}
                value={shared.includes(allKind) ? allKind : ''}
                onChange={setAll}
                choices={shared.map((kind) => ({ value: kind, label: t(kindLabelKey(kind)) }))}
                empty={{ label: t('intake.declare.variousKinds') }}
                testId="declare-kind-all"
              />
            )}
            {declaration.files.map((f, index) => (
              <Stack key={f.key} spacing={1} data-testid={`declare-kind-file-${index}`}>
                <Typography variant="subtitle2" sx={{ overflowWrap: 'anywhere' }}>
                  <FileName name={f.file.name} />
                </Typography>
                <ChoiceField
                  label={t('intake.declare.kind')}
                  value={kinds[f.key] ?? ''}
                  onChange={(kind) => setKinds((previous) => ({ ...previous, [f.key]: kind }))}
                  choices={f.suggestion.allowed.map((kind) => ({ value: kind, label: t(kindLabelKey(kind)) }))}
                  testId={`declare-kind-${index}`}
                />
                {asksScale(f.key, f.suggestion.format) && (
                  <TextField
                    label={t('intake.declare.pixelUm')}
                    value={pixel[f.key] ?? ''}
                    onChange={(e) => setPixel((previous) => ({ ...previous, [f.key]: e.target.value }))}
                    error={checked && badScale(f.key)}
                    helperText={checked && badScale(f.key) ? t('intake.declare.pixelInvalid') : t('intake.declare.pixelUmHint')}
                    slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': `declare-pixel-${index}` } }}
                  />
                )}
              </Stack>
            ))}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={declaration.cancel} data-testid="declare-kind-cancel">
            {t('intake.declare.cancel')}
          </Button>
          <Button type="submit" variant="contained" data-testid="declare-kind-store">
            {t('intake.declare.store')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
