import { Link, type LinkProps } from "@remix-run/react";
import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

// Thumb-sized: at least 48px tall, full-width on phones where a form ends with one action.
const base =
  "inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-5 py-2 text-lg font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60";
const variants: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 active:bg-brand-800",
  secondary: "border-2 border-stone-300 bg-white text-stone-900 hover:border-stone-400 hover:bg-stone-100",
  danger: "border-2 border-red-300 bg-white text-red-800 hover:bg-red-50",
  ghost: "text-brand-700 underline-offset-4 hover:underline",
};

export function buttonClass(variant: Variant = "primary", extra = "") {
  return `${base} ${variants[variant]} ${extra}`.trim();
}

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type="submit" {...props} className={buttonClass(variant, className)} />;
}

export function ButtonLink({ variant = "primary", className = "", ...props }: LinkProps & { variant?: Variant }) {
  return <Link {...props} className={buttonClass(variant, className)} />;
}
