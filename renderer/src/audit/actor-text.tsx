import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../main/contract/index.ts';

/** Props of ActorText. */
export interface ActorTextProps {
  readonly actor: string | null;
  readonly role: string | null;
}

/** Who made an audit entry: the user name with the role below, or "the workstation" for entries no user made. */
export function ActorText({ actor, role }: ActorTextProps) {
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
        {actor}
      </Typography>
      {roleName && (
        <Typography variant="caption" color="text.secondary">
          {roleName}
        </Typography>
      )}
    </>
  );
}
