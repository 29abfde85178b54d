/**
 * State machines as data. A workflow lists its transitions once; the same table tells the page
 * which buttons a viewer may press, lets the server validate the post, and names the thread event.
 */
import type { Role } from "~/modules/access/capabilities";

export interface Transition<S extends string = string, A extends string = string> {
  from: readonly S[];
  action: A;
  to: S;
  /** Roles that may take this step (they also need the workflow's `transition` capability). */
  roles: readonly Role[];
  /** Fields the step requires; the workflow's schema for the action checks them. */
  requires: readonly string[];
}

export interface StateMachine<S extends string = string, A extends string = string> {
  initial: S;
  /** States in which nothing more happens (not open, never overdue). */
  final: readonly S[];
  transitions: readonly Transition<S, A>[];
}

/** The steps that `roles` may take from `status`, in table order. */
export function availableTransitions<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  status: string,
  roles: readonly Role[],
): Transition<S, A>[] {
  return machine.transitions.filter(
    (t) => (t.from as readonly string[]).includes(status) && t.roles.some((r) => roles.includes(r)),
  );
}

/** The step for `action` from `status`, whoever takes it; undefined if the table has none. */
export function transitionFor<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  status: string,
  action: string,
): Transition<S, A> | undefined {
  return machine.transitions.find((t) => t.action === action && (t.from as readonly string[]).includes(status));
}

export function isFinal(machine: StateMachine, status: string): boolean {
  return (machine.final as readonly string[]).includes(status);
}
