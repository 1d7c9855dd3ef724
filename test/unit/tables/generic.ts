import type { RuleTable } from "../../helpers.js";

export const GENERIC: RuleTable[] = [
  {
    rule: "stock-invitation",
    valid: [
      "Hi Rosa, your keynote at FOSDEM on package signing was the best talk of the day.",
      "Hi Rosa, I'd love to hear how your team runs its network on-call.",
    ],
    invalid: [
      {
        text: "I'd like to add you to my professional network on LinkedIn.",
        errors: ["I'd like to add you to my professional network on LinkedIn"],
      },
      {
        text: "Hi Tolga, I'd like to add you to my professional network. - Mia",
        errors: ["I'd like to add you to my professional network"],
      },
      {
        text: "I would like to add you to my network on LinkedIn.",
        errors: ["I would like to add you to my network on LinkedIn"],
      },
      { text: "I’d like to join your LinkedIn network.", errors: ["I’d like to join your LinkedIn network"] },
      { text: "Join my network on LinkedIn.", errors: ["Join my network on LinkedIn"] },
      {
        text: "Hallo Jonas, ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
        errors: ["ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen"],
      },
      {
        text: "Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn.",
        errors: ["Je souhaiterais vous ajouter à mon réseau professionnel sur LinkedIn"],
      },
      { text: "Bonjour Paul, j'aimerais t'ajouter à mon réseau.", errors: ["j'aimerais t'ajouter à mon réseau"] },
      {
        text: "Bonjour Claire, je souhaite rejoindre votre réseau LinkedIn.",
        errors: ["je souhaite rejoindre votre réseau LinkedIn"],
      },
      {
        text: "Me gustaría añadirte a mi red profesional en LinkedIn.",
        errors: ["Me gustaría añadirte a mi red profesional en LinkedIn"],
      },
      {
        text: "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
        errors: ["Gostaria de adicioná-lo à minha rede profissional no LinkedIn"],
      },
      {
        text: "Vorrei aggiungerti alla mia rete professionale su LinkedIn.",
        errors: ["Vorrei aggiungerti alla mia rete professionale su LinkedIn"],
      },
      {
        text: "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.",
        errors: ["Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn"],
      },
    ],
  },
  {
    rule: "stock-variant",
    valid: [
      "Hi Rosa, great to meet you at FOSDEM on Sunday.",
      "Hi Sam, we were both on the Berlin Python panel last week. Let's connect.",
    ],
    invalid: [
      { text: "Please connect with me.", errors: ["Please connect with me"] },
      { text: "Hey, let's connect?", errors: ["let's connect"] },
      { text: "Hi Ben, we should connect!", errors: ["we should connect"] },
      { text: "Hi Ben, would you like to connect?", errors: ["would you like to connect"] },
      { text: "Hola Lucía, me gustaría conectar contigo.", errors: ["me gustaría conectar contigo"] },
      { text: "Ciao Marco, mi piacerebbe connettermi con te.", errors: ["mi piacerebbe connettermi con te"] },
      {
        text: "Bonjour Claire, je travaille aussi dans la logistique, restons connectés !",
        errors: ["restons connectés"],
      },
      {
        text: "Olá Rafael, também trabalho com dados em São Paulo, vamos nos conectar.",
        errors: ["vamos nos conectar"],
      },
      { text: "Hoi Sanne, ik werk ook in de zorg, laten we connecten.", errors: ["laten we connecten"] },
      { text: "I'd love to add you to my network", errors: ["I'd love to add you to my network"] },
      {
        text: "I would like to invite you to join my professional network.",
        errors: ["I would like to invite you to join my professional network"],
      },
      { text: "Hi, I'd like to connect with you.", errors: ["I'd like to connect with you"] },
      { text: "I want to connect with you on LinkedIn.", errors: ["I want to connect with you on LinkedIn"] },
      { text: "Please accept my connection request.", errors: ["Please accept my connection request"] },
      { text: "LinkedIn suggested we connect.", errors: ["LinkedIn suggested we connect"] },
      {
        text: "Hallo Jonas, ich würde mich gerne mit Ihnen auf LinkedIn vernetzen.",
        errors: ["ich würde mich gerne mit Ihnen auf LinkedIn vernetzen"],
      },
      {
        text: "Hallo Jonas, ich würde mich freuen, mich mit Ihnen zu vernetzen.",
        errors: ["ich würde mich freuen, mich mit Ihnen zu vernetzen"],
      },
      { text: "Hallo Jonas, wir sind in der gleichen Branche, lass uns vernetzen.", errors: ["lass uns vernetzen"] },
      {
        text: "Bonjour Claire, je serais ravie de rejoindre votre réseau.",
        errors: ["je serais ravie de rejoindre votre réseau"],
      },
    ],
  },
  {
    rule: "boilerplate-phrase",
    valid: [
      "Hi Rosa, your slides on SBOMs at FOSDEM helped our audit.",
      "Hi Omar, I viewed your demo at the booth and loved it.",
      "Hi Jo, thanks for the tip on connection pooling.",
    ],
    invalid: [
      { text: "Hi Rosa, I came across your profile and wanted to say hi.", errors: ["I came across your profile"] },
      {
        text: "Stumbled upon your LinkedIn profile while searching for data engineers.",
        errors: ["Stumbled upon your LinkedIn profile"],
      },
      { text: "Hi Omar, I noticed you viewed my profile last week.", errors: ["I noticed you viewed my profile"] },
      { text: "Always looking to expand my network!", errors: ["Always looking to expand my network"] },
      { text: "I'm growing my professional network in Lisbon.", errors: ["growing my professional network"] },
      {
        text: "Hi Nadia, always looking to connect with people in payments.",
        errors: ["always looking to connect with"],
      },
      { text: "I think a connection would be mutually beneficial.", errors: ["mutually beneficial"] },
      { text: "Keen to meet like-minded people in climate tech.", errors: ["like-minded people"] },
      {
        text: "Read through your work history and thought it'd be great to connect.",
        errors: ["thought it'd be great to connect"],
      },
      { text: "Hi Priya, I hope this message finds you well.", errors: ["I hope this message finds you well"] },
      { text: "Thanks for connecting, Jorge!", errors: ["Thanks for connecting"] },
      { text: "Olá Carla, quero expandir minha rede de contatos na área de dados.", errors: ["expandir minha rede"] },
      { text: "Obrigada por se conectar comigo, Rafael. Um abraço.", errors: ["Obrigada por se conectar"] },
      { text: "Hola Lucía, busco ampliar mi red de contactos en el sector.", errors: ["ampliar mi red"] },
      {
        text: "Ciao Marco, sto cercando di ampliare la mia rete professionale nel settore.",
        errors: ["ampliare la mia rete professionale"],
      },
      {
        text: "Hallo Jonas, ich möchte mein berufliches Netzwerk erweitern und freue mich auf den Austausch.",
        errors: ["mein berufliches Netzwerk erweitern"],
      },
      { text: "Bonjour Claire, je cherche à élargir mon réseau dans la logistique.", errors: ["élargir mon réseau"] },
      {
        text: "Hoi Sanne, ik probeer mijn netwerk uit te breiden in de zorg.",
        errors: ["mijn netwerk uit te breiden"],
      },
    ],
  },
  {
    rule: "not-specific",
    valid: ["Hi Rosa, your slides on SBOMs at FOSDEM helped our audit."],
    invalid: [{ text: "Hi Jane, hope you are well. Would love to connect!", errors: [[0, 0]] }],
  },
  {
    rule: "empty-note",
    valid: ["Hi Rosa, great to meet you at FOSDEM."],
    invalid: [
      { text: "", errors: [[0, 0]] },
      { text: "   \n  ", errors: [[0, 0]] },
    ],
  },
  {
    rule: "too-short",
    valid: ["Hi Rosa, great to meet you at FOSDEM."],
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
    valid: ["I see you're speaking at StripeSessions."],
    invalid: [
      {
        text: "I see you're a passionate engineering leader at Stripe.",
        errors: ["you're a passionate engineering leader"],
      },
      { text: "I noticed you work at Apple.", errors: ["you work"] },
    ],
  },
];
