import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm " +
  "focus:border-brand-600 focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-600";

interface FieldShellProps {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}

/** A label, the control, a hint and the error message right under it. */
export function FieldShell({ id, label, error, hint, children }: FieldShellProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
};

export function TextField({ name, label, error, hint, id, ...rest }: TextFieldProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <input
        id={fieldId}
        name={name}
        className={control}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        {...rest}
      />
    </FieldShell>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
};

export function TextArea({ name, label, error, hint, id, ...rest }: TextAreaProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <textarea
        id={fieldId}
        name={name}
        className={control}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        {...rest}
      />
    </FieldShell>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
};

export function SelectField({ name, label, error, hint, id, options, placeholder, ...rest }: SelectFieldProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell id={fieldId} label={label} error={error} hint={hint}>
      <select
        id={fieldId}
        name={name}
        className={control}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface CheckboxGroupProps {
  name: string;
  legend: ReactNode;
  options: { value: string; label: string }[];
  checked: readonly string[];
  error?: string;
  /** Shown but not changeable (and not posted), with `hint` saying why. */
  disabled?: boolean;
  hint?: ReactNode;
}

/** A set of checkboxes posting `name` once per ticked value. */
export function CheckboxGroup({ name, legend, options, checked, error, disabled, hint }: CheckboxGroupProps) {
  return (
    <fieldset className="space-y-1 disabled:opacity-70" aria-invalid={error ? true : undefined} disabled={disabled}>
      <legend className="block text-sm font-medium text-slate-700">{legend}</legend>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 rounded px-1 py-1 text-sm">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
              className="h-4 w-4 rounded border-slate-300"
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  name: string;
  label: ReactNode;
  error?: string;
};

/** One checkbox with its label; posts `name=on` when ticked and nothing when not. */
export function CheckboxField({ name, label, error, id, ...rest }: CheckboxFieldProps) {
  const fieldId = id ?? `f-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="flex items-center gap-2 text-sm text-slate-700">
        <input
          id={fieldId}
          name={name}
          type="checkbox"
          className="h-4 w-4 rounded border-slate-300"
          aria-invalid={error ? true : undefined}
          {...rest}
        />
        {label}
      </label>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
