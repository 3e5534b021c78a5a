import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Precedent } from '../../../main/contract/index.ts';
import { amountText, optionLabel, valueText, type FieldIndex } from './decision-text.ts';
import { useNumberText } from './number-format.ts';
import { useFormatters } from '../common/format.ts';

/** Props of PrecedentsTable. */
export interface PrecedentsTableProps {
  readonly precedents: readonly Precedent[];
  readonly fields: FieldIndex;
  /** The outcome's unit as the case type names it. */
  readonly unit: string | null;
  /** The class outcome's field, so a precedent's class is named in the interface language. */
  readonly classField?: string | null;
}

/** The most similar past cases with their outcomes; each row opens a feature-by-feature comparison with this case. */
export function PrecedentsTable({ precedents, fields, unit, classField = null }: PrecedentsTableProps) {
  const { t } = useTranslation();
  const number = useNumberText();
  const format = useFormatters();
  const [open, setOpen] = useState<string | null>(null);
  if (precedents.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="precedents-empty">
        {t('decision.precedents.none')}
      </Typography>
    );
  }
  return (
    <>
      <Table size="small" aria-label={t('decision.precedents.title')} data-testid="precedents-table">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>{t('decision.precedents.caseRef')}</TableCell>
            <TableCell>{t('decision.precedents.outcome')}</TableCell>
            <TableCell>{t('decision.precedents.decidedAt')}</TableCell>
            <TableCell align="right">{t('decision.precedents.distance')}</TableCell>
            <TableCell align="right">{t('decision.precedents.differences')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {precedents.map((p) => {
            const expanded = open === p.caseRef;
            const differences = p.comparison.filter((c) => !c.same).length;
            return (
              <Fragment key={p.caseRef}>
                <TableRow data-testid={`precedent-${p.caseRef}`}>
                  <TableCell padding="checkbox">
                    <IconButton
                      size="small"
                      aria-expanded={expanded}
                      aria-label={t(expanded ? 'decision.precedents.collapse' : 'decision.precedents.expand', { caseRef: p.caseRef })}
                      onClick={() => setOpen(expanded ? null : p.caseRef)}
                      data-testid={`precedent-toggle-${p.caseRef}`}
                    >
                      {expanded ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
                    </IconButton>
                  </TableCell>
                  <TableCell>{p.caseRef}</TableCell>
                  <TableCell>
                    {p.outcome.class !== null && classField ? optionLabel(t, fields.caseTypeId, classField, p.outcome.class, p.outcome.label) : p.outcome.label}
                    {p.outcome.value !== null ? ` · ${amountText(t, unit, p.outcome.value, (n) => number(n, 1))}` : ''}
                  </TableCell>
                  {/* A day of decision in the reader's words; anything else (a term's year) as the corpus has it. */}
                <TableCell>{p.decidedAt === null ? '—' : format.day(p.decidedAt)}</TableCell>
                  <TableCell align="right">{number(p.distance, 3)}</TableCell>
                  <TableCell align="right">{differences}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell colSpan={6} sx={{ py: 0, borderBottom: expanded ? undefined : 'none' }}>
                    <Collapse in={expanded} unmountOnExit>
                      <Table size="small" aria-label={t('decision.precedents.comparison', { caseRef: p.caseRef })} data-testid={`precedent-comparison-${p.caseRef}`} sx={{ my: 1 }}>
                        <TableHead>
                          <TableRow>
                            <TableCell>{t('decision.precedents.feature')}</TableCell>
                            <TableCell>{t('decision.precedents.thisCase')}</TableCell>
                            <TableCell>{t('decision.precedents.thatCase')}</TableCell>
                            <TableCell />
                          </TableRow>
                        </TableHead>
                        <TableBody>
                          {p.comparison.map((c) => (
                            <TableRow key={c.feature} data-testid={`comparison-${c.feature}`} data-same={c.same}>
                              <TableCell>{c.label}</TableCell>
                              <TableCell>{valueText(t, fields, c.feature, c.query, (n) => number(n, 2))}</TableCell>
                              <TableCell>{valueText(t, fields, c.feature, c.precedent, (n) => number(n, 2))}</TableCell>
                              <TableCell>
                                <Chip size="small" variant={c.same ? 'outlined' : 'filled'} color={c.same ? 'default' : 'secondary'} label={t(c.same ? 'decision.precedents.same' : 'decision.precedents.different')} />
                              </TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                      </Table>
                    </Collapse>
                  </TableCell>
                </TableRow>
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }} data-testid="precedents-distance-note">
        {t('decision.precedents.distanceNote')}
      </Typography>
    </>
  );
}
