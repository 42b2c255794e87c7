import { FieldErrorMessage } from './Field';
import './date-parts.css';

export interface DateText {
  day: string;
  month: string;
  year: string;
}

/** "2019-03-31" as the three boxes show it. */
export function dateText(iso: string | null): DateText {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/**
 * The three boxes as YYYY-MM-DD for the shared validator to check (which says when the day
 * does not exist); null when all are empty, and a message, naming `what` ("the review date"),
 * when only some are filled in or a box holds something other than digits.
 */
export function isoFromDateText(text: DateText, what = 'the review date'): { ok: true; value: string | null } | { ok: false; message: string } {
  const parts = [text.day.trim(), text.month.trim(), text.year.trim()];
  if (parts.every((part) => part === '')) return { ok: true, value: null };
  const [day, month, year] = parts as [string, string, string];
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, message: `Give ${what} as a day, month and year in numbers, for example 31 3 2019.` };
  }
  return { ok: true, value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

interface DatePartsProps {
  id: string;
  legend: string;
  hint: string;
  value: DateText;
  error: string | undefined;
  onChange(value: DateText): void;
}

/**
 * The GOV.UK date input: day, month and year in their own boxes, in the British order, so that
 * no browser's locale can show a date month first. `id` is the day box's, for error links.
 */
export function DateParts({ id, legend, hint, value, error, onChange }: DatePartsProps) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const box = (part: keyof DateText, label: string, width: string) => (
    <div className="date-part">
      <label htmlFor={part === 'day' ? id : `${id}-${part}`}>{label}</label>
      <input
        id={part === 'day' ? id : `${id}-${part}`}
        className={width}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value[part]}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange({ ...value, [part]: event.target.value })}
      />
    </div>
  );
  return (
    <fieldset className={`field${error ? ' field-error' : ''}`} role="group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldErrorMessage id={id} error={error} />
      <div className="date-parts">
        {box('day', 'Day', 'date-part-2')}
        {box('month', 'Month', 'date-part-2')}
        {box('year', 'Year', 'date-part-4')}
      </div>
    </fieldset>
  );
}
