import type { ButtonHTMLAttributes } from "react";

const styles = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "bg-red-600 text-white hover:bg-red-700",
} as const;

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof styles };

export function Button({ variant = "primary", className = "", type = "submit", ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium shadow-sm disabled:opacity-50 ${styles[variant]} ${className}`}
      {...rest}
    />
  );
}

/** Link styled as a button. */
export const buttonLinkClass = (variant: keyof typeof styles = "primary") =>
  `inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium shadow-sm ${styles[variant]}`;
