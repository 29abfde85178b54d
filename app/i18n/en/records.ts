import type { records as zh } from "../zh-CN/records";

export const records: Record<keyof typeof zh, string> = {
  "records.error.pactNotUsable": "The chosen pact is not in force or does not cover this work",
  "records.error.addressees": "Choose partner counties of the pact",
  "records.error.region": "Choose a place in your county or a partner county of the pact",
  "records.error.conflict": "Someone else has just handled this; the page shows the latest state.",
  "thread.title": "Thread",
  "thread.empty": "Nothing yet.",
  "thread.internalBadge": "Internal note · only your county sees it",
  "thread.composer.label": "Message",
  "thread.composer.placeholder": "Write what happened, your view or progress; both sides will see it",
  "thread.composer.internal": "Internal note (only your county sees it, not the other side)",
  "thread.composer.submit": "Send",
  "thread.composer.readOnly": "Your role may read this record but not write in it.",
  "thread.bodyRequired": "Please write something",
  "thread.posted": "Sent.",
  "thread.event.create": "{who} opened this record",
  "thread.event.transition": "{who}: {action} ({from} → {to})",
  "thread.by": "{name} ({roles} · {county})",
};
