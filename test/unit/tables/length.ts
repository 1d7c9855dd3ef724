import type { RuleTable } from "../../helpers.js";

const SENTENCE = "great to meet you at the Leeds logistics meetup. ";
/** 350 characters: the overflow past 300 is its last sentence. */
const LONG = `Hi Jo, ${SENTENCE.repeat(7)}`;
/** 239 characters: within Premium's 300, over a free account's 200. */
const MID =
  "Hi Jo, great to meet you at the Leeds logistics meetup on Tuesday - thanks for the tip on slotting fast movers near packing, we tried it and it cut our pick paths. Happy to share the before and after data.";

export const LENGTH: RuleTable[] = [
  {
    rule: "note-too-long",
    valid: ["Hi Jo, great to meet you at the Leeds logistics meetup - thanks for the tip on slotting.", MID],
    invalid: [
      // The finding covers what LinkedIn would cut: from character 300 to the end of the text.
      { text: LONG, errors: [[300, LONG.trimEnd().length]] },
      { text: MID, options: { account: "free" }, errors: [[200, MID.length]] },
      { text: MID, options: { limit: 150 }, errors: [[150, MID.length]] },
      // A template's name field counts as a first name (8 characters for the 6 of [Name]): the
      // filled-in note (199 characters of text, 201 filled in) runs over by its last character.
      {
        text: `Hi [Name], ${MID.slice(11, 11 + 188)}`,
        options: { template: true, account: "free" },
        errors: [[198, 199]],
      },
    ],
  },
  {
    rule: "note-near-limit",
    valid: ["Hi Jo, great to meet you.", { text: MID, options: { account: "free" } }],
    invalid: [{ text: "x ".repeat(140), errors: [[0, 0]] }],
  },
];
