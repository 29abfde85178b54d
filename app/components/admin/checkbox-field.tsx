import type { InputHTMLAttributes, ReactNode } from "react";

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
