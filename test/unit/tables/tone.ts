import type { RuleTable } from "../../helpers.js";

export const TONE: RuleTable[] = [
  {
    rule: "sales-pitch",
    valid: [
      "Hi Anna, your talk on tech debt at DevOpsDays was great.",
    ],
    invalid: [
      { text: "My company helps developers like you ship faster.", errors: ["My company helps"] },
      { text: "We offer end-to-end services for startups.", errors: ["We offer end-to-end"] },
      { text: "Book a demo this week.", errors: ["Book a demo"] },
    ],
  },
  {
    rule: "meeting-ask",
    valid: [
      "Hi Cloud, thanks for the caching tip at the meetup.",
    ],
    invalid: [
      { text: "I'd love to pick your brain.", errors: ["pick your brain"] },
      { text: "Can we hop on a quick call?", errors: ["hop on a quick call"] },
      { text: "Could I get 15 minutes of your time?", errors: ["15 minutes of your time"] },
    ],
  },
  {
    rule: "job-ask",
    valid: [
      "Hi Sarita, your analyst interview thread was excellent.",
    ],
    invalid: [
      { text: "Could you refer me for the analyst role?", errors: ["refer me"] },
      { text: "I am currently seeking opportunities in data.", errors: ["currently seeking opportunities", "opportunities in"] },
      { text: "Can I send you my resume?", errors: ["send you my resume"] },
    ],
  },
  {
    rule: "favour-ask",
    valid: [
      "Hi Kavita, your dashboard inspired ours.",
    ],
    invalid: [
      { text: "Please guide me.", errors: ["Please guide", "guide me"] },
      { text: "I would be grateful if you could review my CV.", errors: ["I would be grateful if you"] },
    ],
  },
  {
    rule: "empty-flattery",
    valid: [
      "Your breakdown of the Q3 churn numbers was sharp.",
    ],
    invalid: [
      { text: "Your profile is amazing!", errors: ["Your profile is amazing"] },
      { text: "Impressive background!", errors: ["Impressive background"] },
    ],
  },
  {
    rule: "exclamation-run",
    valid: [
      "Great to meet you at DevConf!",
    ],
    invalid: [
      { text: "Great to meet you!!!", errors: ["!!!"] },
    ],
  },
  {
    rule: "all-caps",
    valid: [
      "Hi Sam, see you at AWS re:Invent.",
    ],
    invalid: [
      { text: "HI SAM, GREAT TO MEET YOU.", errors: ["HI SAM, GREAT TO MEET YOU"] },
    ],
  },
  {
    rule: "emoji-overuse",
    valid: [
      "Great to meet you 🙂",
    ],
    invalid: [
      { text: "Great to meet you 🚀🚀🚀", errors: ["🚀🚀🚀"] },
      { text: "🎉 hi 🎉 there 🎉 you 🎉 all", errors: ["🎉 hi 🎉 there 🎉 you 🎉"] },
    ],
  },
  {
    rule: "self-focus",
    valid: [
      "Hi Sam, your post on dbt tests was great; I use your checklist in my team.",
    ],
    invalid: [
      { text: "I am a data analyst. I have worked at Acme and I led my team. I am skilled and I want to grow my career.", errors: [[0, 0]] },
    ],
  },
  {
    rule: "sender-offering",
    valid: [
      "We met at the FinOps meetup.",
    ],
    invalid: [
      { text: "We help companies like yours cut cloud costs.", errors: ["We help companies"] },
      { text: "We're helping teams like yours onboard faster.", errors: ["We're helping teams"] },
    ],
  },
  {
    rule: "cv-recital",
    valid: [
      "After six years in Singapore I'm back home.",
    ],
    invalid: [
      { text: "I have 5 years of experience in data engineering.", errors: ["5 years"] },
    ],
  },
  {
    rule: "commercial-terms",
    valid: [
      "Your post on pricing pages was sharp.",
    ],
    invalid: [
      { text: "We cut cloud bills by 40% for teams like yours.", errors: ["40%"] },
      { text: "Book your free strategy session today.", errors: ["free strategy session"] },
    ],
  },
  {
    rule: "asks-them",
    valid: [
      "Would you be open to connect?",
      "Please accept my request.",
    ],
    invalid: [
      { text: "Could you review my resume?", errors: ["Could you review"] },
      { text: "Bonjour, pourriez-vous transmettre ma candidature ?", options: { lang: "fr" }, errors: ["pourriez-vous"] },
    ],
  },
  {
    rule: "job-seeking",
    valid: [
      "We met at the career fair.",
    ],
    invalid: [
      { text: "I'm currently exploring marketing roles at your company.", errors: ["I'm currently exploring marketing roles"] },
    ],
  },
  {
    rule: "recruiting",
    valid: [
      "Your talk on stream joins was the clearest I have seen.",
    ],
    invalid: [
      { text: "Our client is looking for a senior data engineer.", errors: ["Our client"] },
    ],
  },
  {
    rule: "presenting",
    valid: [
      "I'd love to learn about your work.",
    ],
    invalid: [
      { text: "I'd love to tell you about an exciting opportunity.", errors: ["tell you about an"] },
    ],
  },
  {
    rule: "self-intro",
    valid: [
      "We met at the PyData social.",
    ],
    invalid: [
      { text: "I'm a certified career coach with ten years in tech.", errors: ["I'm a certified career coach"] },
    ],
  },
];
