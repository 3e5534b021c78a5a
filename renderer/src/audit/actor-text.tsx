import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../main/contract/index.ts';

/** Props of ActorText. */
export interface ActorTextProps {
  readonly actor: string | null;
  readonly role: string | null;
  /** The user's display name, shown first where known. */
  readonly name?: string | null;
}

/** Who made an audit entry: the display name, with the user name and role below, or "the workstation" for entries no user made. */
export function ActorText({ actor, role, name }: ActorTextProps) {
  const { t } = useTranslation();
  if (actor === null) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
        {t('audit.workstationActor')}
      </Typography>
    );
  }
  const roleName = role !== null && (roles as readonly string[]).includes(role) ? t(`roles.${role}`) : role;
  return (
    <>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {name ?? actor}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {[name ? actor : null, roleName].filter(Boolean).join(' · ')}
      </Typography>
    </>
  );
}
