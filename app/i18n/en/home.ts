import type { home as zh } from "../zh-CN/home";

export const home: Record<keyof typeof zh, string> = {
  "home.welcome": "Hello, {name}",
  "home.intro": "Your county at a glance: pacts in force and signatures awaited.",
  "home.county": "Our county",
  "home.county.name": "County",
  "home.county.province": "Province",
  "home.county.code": "Division code",
  "home.me": "My account",
  "home.me.name": "Name",
  "home.me.title": "Title",
  "home.me.roles": "Roles",
  "home.activePacts": "Our county's pacts in force",
  "home.activePacts.empty": "Our county has no pact in force.",
  "home.allPacts": "All pacts",
  "home.awaitingUs": "Awaiting our signature",
  "home.awaitingUs.empty": "No pact is waiting for our county's signature.",
  "home.awaitingUs.hint": "Open the pact, read its articles, then countersign or decline.",
  "home.awaitingOthers": "Awaiting the other side",
  "home.awaitingOthers.empty": "No pact our county signed is waiting for another county.",
};
