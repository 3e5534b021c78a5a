import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { hotkeyGroups, hotkeyTable, keyLabel } from './hotkeys.ts';

/** Props of HotkeyHelp. */
export interface HotkeyHelpProps {
  readonly onClose: () => void;
}

/** The keyboard help overlay (opened with ?), generated row by row from the hotkey table. */
export function HotkeyHelp({ onClose }: HotkeyHelpProps) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="hotkey-help-title" data-testid="hotkey-help">
      <DialogTitle id="hotkey-help-title">{t('hotkeys.title')}</DialogTitle>
      <DialogContent>
        {hotkeyGroups.map((group) => (
          <Box key={group} sx={{ mb: 2 }}>
            <Typography variant="subtitle2" component="h3">
              {t(`hotkeys.groups.${group}`)}
            </Typography>
            <Table size="small">
              <TableBody>
                {hotkeyTable
                  .filter((binding) => binding.group === group)
                  .map((binding) => (
                    <TableRow key={binding.id} data-testid={`hotkey-row-${binding.id}`}>
                      <TableCell sx={{ width: 140 }}>
                        {binding.keys.map((key) => (
                          <Box component="kbd" key={key} sx={{ px: 0.75, mr: 0.5, border: 1, borderColor: 'divider', borderRadius: 0.5, fontFamily: 'monospace' }}>
                            {keyLabel(key)}
                          </Box>
                        ))}
                      </TableCell>
                      <TableCell>{t(binding.description)}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="hotkey-help-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
