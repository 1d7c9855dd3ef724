import type { RuleTable } from "../../helpers.js";

const LONG = `I wanted to reach out ${"and tell you about the many things ".repeat(5)}we do.`;
const HARD =
  "Notwithstanding considerable organisational heterogeneity across numerous multinational subsidiaries, interdisciplinary operationalisation necessitates comprehensive institutional infrastructural reconsideration and systematic reprioritisation.";

export const READABILITY: RuleTable[] = [
  {
    rule: "long-sentence",
    valid: ["Hi Jo, great to meet you at the Leeds meetup. Thanks for the tip."],
    invalid: [
      { text: LONG, errors: [LONG] },
      { text: `Hi Jo. ${LONG} Thanks.`, errors: [LONG] },
    ],
  },
  {
    rule: "hard-sentence",
    valid: ["Hi Jo, great to meet you at the Leeds meetup - thanks for the tip on slotting."],
    invalid: [
      { text: HARD, errors: [HARD] },
      {
        text: `Hi Jo, thanks for the tip. ${HARD} ${HARD}`,
        errors: [
          [27, 27 + HARD.length],
          [28 + HARD.length, 28 + 2 * HARD.length],
        ],
      },
    ],
  },
  {
    rule: "double-space",
    valid: ["Hi Sam, great to meet you.", "Hi Sam,\n\nGreat to meet you."],
    invalid: [
      {
        text: "Hi Sam,  great to meet you.  See you.",
        errors: [
          [7, 9],
          [27, 29],
        ],
      },
    ],
  },
];
