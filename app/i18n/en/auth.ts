import type { auth as zh } from "../zh-CN/auth";

export const auth: Record<keyof typeof zh, string> = {
  "login.title": "Sign in",
  "login.subtitle": "Use the account your county gave you",
  "login.username": "Username",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.invalid": "Wrong username or password. Please try again.",
  "login.disabled": "This account is disabled. Please contact your county's administrator.",
  "login.accountLocked": "Too many failed sign-ins: this account is locked. Try again after {time}.",
  "login.addressLocked": "Too many failed sign-ins from this network address. Try again after {time}.",
  "login.signedOut": "You have signed out.",
  "password.title": "Change password",
  "password.current": "Current password",
  "password.new": "New password",
  "password.confirm": "Confirm new password",
  "password.tooShort": "At least {min} characters",
  "password.mismatch": "The two passwords differ",
  "password.wrongCurrent": "The current password is wrong",
  "password.changed": "Password changed. Please sign in with the new one.",
};
