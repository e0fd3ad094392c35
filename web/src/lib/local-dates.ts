// The date pickers speak local wall time ('YYYY-MM-DD HH:mm:ss'); the API speaks ISO instants in UTC.

/** 'YYYY-MM-DD HH:mm:ss' (local, as the pickers give it) → ISO instant; null stays null. */
export function pickerToIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const d = new Date(value.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → 'YYYY-MM-DD HH:mm:ss' in local time for the pickers. */
export function isoToPicker(value: string | null | undefined): string | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return `${localDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
}

/** The local calendar day of a date: 'YYYY-MM-DD'. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
