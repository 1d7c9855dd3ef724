import type { RuleTable } from "../../helpers.js";

export const VALUE: RuleTable[] = [
  {
    rule: "offer-value",
    absent: [
      "Hi Ana, great meeting you at the Lisbon meetup.",
    ],
    present: [
      { text: "Hi Ana, great meeting you at the Lisbon meetup - happy to send you the slides we discussed.", found: ["happy to send"] },
      { text: "I can introduce you to our head of data if that would be useful.", found: ["I can introduce you"] },
    ],
  },
  {
    rule: "no-offer",
    valid: [
      "Hi Ana, great meeting you at the Lisbon meetup - happy to send you the slides we discussed.",
      "Hi Ana, can we hop on a quick call?",
    ],
    invalid: [
      { text: "Hi Ana, great meeting you at the Lisbon meetup.", errors: [[0, 0]] },
    ],
  },
];
