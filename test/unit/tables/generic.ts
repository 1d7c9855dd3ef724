import type { RuleTable } from "../../helpers.js";

export const GENERIC: RuleTable[] = [
  {
    rule: "stock-invitation",
    valid: [
      "Hi Rosa, your keynote at FOSDEM on package signing was the best talk of the day.",
    ],
    invalid: [
      { text: "I'd like to add you to my professional network on LinkedIn.", errors: ["I'd like to add you to my professional network on LinkedIn"] },
      { text: "Hi Tolga, I'd like to add you to my professional network. - Mia", errors: ["I'd like to add you to my professional network"] },
      { text: "I’d like to join your LinkedIn network.", errors: ["I’d like to join your LinkedIn network"] },
      { text: "Join my network on LinkedIn.", errors: ["Join my network on LinkedIn"] },
      { text: "Hallo Jonas, ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.", errors: ["ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen"] },
      { text: "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.", errors: ["Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn"] },
      { text: "Me gustaría añadirte a mi red profesional en LinkedIn.", errors: ["Me gustaría añadirte a mi red profesional en LinkedIn"] },
      { text: "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.", errors: ["Gostaria de adicioná-lo à minha rede profissional no LinkedIn"] },
      { text: "Vorrei aggiungerti alla mia rete professionale su LinkedIn.", errors: ["Vorrei aggiungerti alla mia rete professionale su LinkedIn"] },
      { text: "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.", errors: ["Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn"] },
    ],
  },
  {
    rule: "stock-variant",
    valid: [
      "Hi Rosa, great to meet you at FOSDEM on Sunday.",
    ],
    invalid: [
      { text: "Please connect with me.", errors: ["Please connect with me"] },
      { text: "Hi, I'd like to connect with you.", errors: ["I'd like to connect with you"] },
      { text: "I'd love to add you to my network", errors: ["I'd love to add you to my network"] },
    ],
  },
  {
    rule: "boilerplate-phrase",
    valid: [
      "Hi Rosa, your slides on SBOMs at FOSDEM helped our audit.",
    ],
    invalid: [
      { text: "Hi Rosa, I came across your profile and wanted to say hi.", errors: ["I came across your profile"] },
      { text: "Always looking to expand my network!", errors: ["Always looking to expand my network"] },
      { text: "I think a connection would be mutually beneficial.", errors: ["mutually beneficial"] },
      { text: "I found your profile interesting.", errors: ["I found your profile interesting"] },
    ],
  },
  {
    rule: "not-specific",
    valid: [
      "Hi Rosa, your slides on SBOMs at FOSDEM helped our audit.",
    ],
    invalid: [
      { text: "Hi Jane, hope you are well. Would love to connect!", errors: [[0, 0]] },
    ],
  },
  {
    rule: "empty-note",
    valid: [
      "Hi Rosa, great to meet you at FOSDEM.",
    ],
    invalid: [
      { text: "", errors: [[0, 0]] },
      { text: "   \n  ", errors: [[0, 0]] },
    ],
  },
  {
    rule: "too-short",
    valid: [
      "Hi Rosa, great to meet you at FOSDEM.",
    ],
    invalid: [
      { text: "Nice meeting you!", errors: [[0, 0]] },
      { text: "Hello", errors: [[0, 0]] },
    ],
  },
  {
    rule: "their-profile",
    valid: [
      "Your talk on fraud models at Money20/20 was great.",
      "Your background in ML is impressive and your talk at PyData was the best.",
    ],
    invalid: [
      { text: "Your background in fintech is impressive.", errors: ["Your background in fintech"] },
      { text: "I noticed your impressive transition to CTO.", errors: ["your impressive transition"] },
    ],
  },
  {
    rule: "their-role",
    valid: [
      "I see you're speaking at StripeSessions.",
    ],
    invalid: [
      { text: "I see you're a passionate engineering leader at Stripe.", errors: ["you're a passionate engineering leader"] },
      { text: "I noticed you work at Apple.", errors: ["you work"] },
    ],
  },
];
