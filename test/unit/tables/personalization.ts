import type { RuleTable } from "../../helpers.js";

export const PERSONALIZATION: RuleTable[] = [
  {
    rule: "unfilled-merge-field",
    valid: [
      { text: "Hi {{first_name}}, loved your post on {{topic}}.", options: { template: true } },
      "Hi Lena, loved your post on retries.",
      "Hi Lena, so and so many people asked about your talk.",
    ],
    invalid: [
      { text: "Hi {{first_name}}, loved your post on {{topic}}.", errors: ["{{first_name}}", "{{topic}}"] },
      { text: "Hi [Name], great meeting you.", errors: ["[Name]"] },
      { text: "Hi *|FNAME|*, great meeting you.", errors: ["*|FNAME|*"] },
      { text: "Hi %%FirstName%%, great meeting you.", errors: ["%%FirstName%%"] },
      { text: "Hi {first_name}, great meeting you.", errors: ["{first_name}"] },
      { text: "Hi ${firstName}, great meeting you.", errors: ["${firstName}"] },
      { text: "Hi <<First Name>>, great meeting you.", errors: ["<<First Name>>"] },
      { text: "Hi INSERT NAME HERE, great meeting you.", errors: ["INSERT NAME HERE"] },
      { text: "Hi so-and-so, great meeting you at the fair.", errors: ["so-and-so"] },
      { text: "Hi Dana, I saw your post about XYZ and loved it.", errors: ["XYZ"] },
    ],
  },
  {
    rule: "recipient-name-missing",
    valid: [
      { text: "Hi Priya, great meeting you at PyData.", options: { to: "Priya Shah" } },
      "Hi, great meeting you at PyData.",
    ],
    invalid: [{ text: "Hi Maya, great meeting you at PyData.", options: { to: "Priya Shah" }, errors: [[0, 0]] }],
  },
  {
    rule: "generic-salutation",
    valid: [
      "Hi Sam, we met at the Acme booth on Friday.",
      "Hi Theresa, thanks for the tour.",
      "Hello Sir Ian, loved the lecture.",
    ],
    invalid: [
      { text: "Dear Sir/Madam, we met at the expo.", errors: ["Dear Sir/Madam"] },
      { text: "Dear Sir or Madam, I am writing about your listing.", errors: ["Dear Sir or Madam"] },
      { text: "Hello connection, quick question.", errors: ["Hello connection"] },
      { text: "Hi there! This is Sam from Acme.", errors: ["Hi there"] },
      { text: "Hi everyone, I'm new to the group.", errors: ["Hi everyone"] },
      { text: "To whom it may concern, I am writing about the analyst role.", errors: ["To whom it may concern"] },
      { text: "Dear hiring manager, I applied for the data role.", errors: ["Dear hiring manager"] },
      {
        text: "Sehr geehrte Damen und Herren, ich habe eine Frage zu Ihrem Produkt.",
        errors: ["Sehr geehrte Damen und Herren"],
      },
      {
        text: "Estimado señor, le escribo porque me interesa la vacante de analista en su empresa.",
        errors: ["Estimado señor"],
      },
      { text: "Madame, Monsieur, je me permets de vous contacter au sujet du poste.", errors: ["Madame, Monsieur"] },
    ],
  },
  {
    rule: "wrong-recipient",
    valid: [
      { text: "Hi Dr. Shah, we met at PyCon.", options: { to: "Priya Shah" } },
      { text: "Hi Alex, we met at PyCon.", options: { to: "Alexandra Ng" } },
    ],
    invalid: [{ text: "Hi Daniel, we met at PyCon.", options: { to: "Priya Shah" }, errors: ["Daniel"] }],
  },
  {
    rule: "their-named-work",
    absent: [
      "Your profile is impressive.",
      "Your background in fintech caught my eye.",
      "I came across your work at Google.",
      "Could you share your notes on the exam?",
    ],
    present: [
      { text: "Hi Tom, loved your RustConf talk.", found: ["your RustConf talk"] },
      { text: "Your post on flaky Cypress tests saved me a day.", found: ["Your post on flaky Cypress tests"] },
      { text: "I read your 2022 paper on malaria tests.", found: ["your 2022 paper on malaria tests"] },
      { text: "Great Strange Loop talk, Ana!", found: ["Great Strange Loop talk"] },
      { text: "Your talk on query planning at PGConf was great.", found: ["Your talk on query planning"] },
    ],
  },
  {
    rule: "their-work",
    absent: [
      "Your profile is impressive.",
      "Your company is growing fast.",
      "Hi Jo, I would love to connect.",
      "I noticed you're now at Stripe.",
    ],
    present: [{ text: "Your thread made my week.", found: ["Your thread"] }],
  },
  {
    rule: "named-thing",
    absent: [
      "Hi Jo, I would love to connect.",
      "HI MIKE!!! GREAT TO CONNECT!!!",
      "I'm a Data Science Product Manager.",
    ],
    present: [{ text: "Hi Jo, loved the demo at KubeCon.", found: ["KubeCon"] }],
  },
  {
    rule: "recipient-named",
    absent: ["Hey there, thanks.", "Hi all, thanks."],
    present: [
      { text: "Hi Rosa, thanks.", found: ["Rosa"] },
      { text: "Hello Dr. Okafor, thanks.", found: ["Okafor"] },
      { text: "Marta, your write-up on the Kafka migration was great.", found: ["Marta"] },
    ],
  },
  {
    rule: "company-not-mentioned",
    valid: [
      { text: "Hi Omar, good luck with the launch at Acme.", options: { company: "Acme Corp" } },
      "Hi Omar, great to meet you at the summit.",
    ],
    invalid: [{ text: "Hi Omar, great to meet you at the summit.", options: { company: "Acme" }, errors: [[0, 0]] }],
  },
  {
    rule: "named-things",
    absent: ["Hi Jo, loved the demo at KubeCon."],
    present: [{ text: "Hi Jo, loved the Bedrock agents demo at KubeCon.", found: ["Bedrock", "KubeCon"] }],
  },
  {
    rule: "no-personal-touch",
    valid: ["Hi Marta, great to meet you.", "Your write-up on the Kafka migration at Bolt was excellent."],
    invalid: [{ text: "Hello, I would love to be part of your network.", errors: [[0, 0]] }],
  },
  {
    rule: "recipient-mentioned",
    absent: [
      "Great to meet you at the summit, Omar.",
      { text: "Hi, great to meet you at the summit.", options: { to: "Omar Haddad" } },
    ],
    present: [
      { text: "Great to meet you at the summit, Omar.", options: { to: "Omar Haddad" }, found: ["Omar"] },
      { text: "Hi Jo, loved the launch at Acme last week.", options: { company: "Acme Corp" }, found: ["Acme"] },
    ],
  },
];
