import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayText, localTimeText, parseDayText, parseLocalTimeText, type DayAlone } from './date-text.ts';

/** Props of DayField and LocalTimeField. */
export interface DateTextFieldProps {
  readonly label: string;
  /** An ISO day (DayField) or a datetime-local value (LocalTimeField); '' when empty or not yet a date. */
  readonly value: string;
  /** Called with the value of what is typed, or '' while it is empty or not a date. */
  readonly onChange: (value: string) => void;
  readonly testId: string;
  /** The field's problem, already translated; a typed text that is not a date has its own. */
  readonly error?: string | null;
  readonly helperText?: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
  readonly size?: 'small' | 'medium';
  /** Takes the width it is given (a field of a row that shares it), rather than its content's. */
  readonly fullWidth?: boolean;
}

interface Kind {
  readonly native: 'date' | 'datetime-local';
  readonly parse: (text: string) => string | null;
  readonly format: (value: string) => string;
  readonly pattern: 'day' | 'time';
  /** A value written as the reader should write it, for the message under a date that cannot be read. */
  readonly example: string;
}

/**
 * A date typed as the reader writes it (dd.mm.yyyy, a 24-hour clock), with a button that opens the browser's calendar.
 * The browser's own date input follows the operating system's locale, which showed mm/dd/yyyy and AM/PM in a Kazakh or
 * Russian interface: 05/06 is then the 6th of May to the form and the 5th of June to the reader.
 */
function DateTextField({ kind, label, value, onChange, testId, error = null, helperText, required, disabled, size, fullWidth }: DateTextFieldProps & { readonly kind: Kind }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => kind.format(value));
  const [left, setLeft] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  // A value set from outside (a reset, a default) is shown; the one being typed is left as typed.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if ((kind.parse(text) ?? '') !== value) setText(kind.format(value));
  }
  const typed = (raw: string) => {
    setText(raw);
    onChange(kind.parse(raw) ?? '');
  };
  const unreadable = text.trim() !== '' && kind.parse(text) === null;
  const problem = unreadable && left ? t('common.dateUnreadable', { pattern: t(`common.datePattern.${kind.pattern}`), example: kind.example }) : error;
  return (
    <TextField
      size={size}
      fullWidth={fullWidth}
      label={label}
      value={text}
      placeholder={t(`common.datePattern.${kind.pattern}`)}
      onChange={(event) => typed(event.target.value)}
      onBlur={() => {
        setLeft(true);
        const parsed = kind.parse(text);
        if (parsed !== null) setText(kind.format(parsed));
      }}
      required={required}
      disabled={disabled}
      error={Boolean(problem)}
      helperText={problem ?? helperText}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': testId, inputMode: 'numeric', maxLength: 24, spellCheck: false },
        input: {
          endAdornment: (
            <InputAdornment position="end" sx={{ position: 'relative' }}>
              <IconButton
                edge="end"
                size={size}
                disabled={disabled}
                aria-label={t('common.pickDate')}
                data-testid={`${testId}-calendar`}
                onClick={() => picker.current?.showPicker?.()}
              >
                <CalendarMonthIcon fontSize={size === 'small' ? 'small' : 'medium'} />
              </IconButton>
              {/* The browser's calendar, opened by the button; it writes the same value the text is read into. */}
              <input
                ref={picker}
                type={kind.native}
                value={value}
                tabIndex={-1}
                aria-hidden
                onChange={(event) => {
                  setText(kind.format(event.target.value));
                  onChange(event.target.value);
                }}
                style={{ position: 'absolute', right: 0, bottom: 0, width: 1, height: 1, opacity: 0, border: 0, padding: 0, pointerEvents: 'none' }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}

const day: Kind = { native: 'date', parse: parseDayText, format: dayText, pattern: 'day', example: '05.12.2026' };

/** A calendar day, typed as dd.mm.yyyy; its value is the ISO day. */
export function DayField(props: DateTextFieldProps) {
  return <DateTextField kind={day} {...props} />;
}

/** Props of LocalTimeField. */
export interface LocalTimeFieldProps extends DateTextFieldProps {
  /** Where a day typed without a time falls: its first minute, or its last for the end of a range. */
  readonly dayAlone?: DayAlone;
}

/** A local wall-clock time to the minute, typed as dd.mm.yyyy hh:mm; its value is a datetime-local value. */
export function LocalTimeField({ dayAlone = 'start', ...props }: LocalTimeFieldProps) {
  const kind: Kind = { native: 'datetime-local', parse: (text) => parseLocalTimeText(text, dayAlone), format: localTimeText, pattern: 'time', example: '05.12.2026 14:30' };
  return <DateTextField kind={kind} {...props} />;
}
