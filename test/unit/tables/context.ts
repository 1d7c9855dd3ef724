import type { RuleTable } from "../../helpers.js";

export const CONTEXT: RuleTable[] = [
  {
    rule: "reconnect-without-shared-past",
    valid: [
      { text: "Hi Dan, it's been a while since our days at Acme!", options: { type: "reconnect" } },
      "Hi Dan, hope you're well!",
    ],
    invalid: [
      { text: "Hi Dan, hope all is well! Would love to connect.", options: { type: "reconnect" }, errors: [[0, 0]] },
    ],
  },
  {
    rule: "cold-without-reason",
    valid: [{ text: "Hi Dan, your talk on ledgers at Money20/20 was great.", options: { type: "cold" } }],
    invalid: [
      { text: "Hi Dan, I work in fintech too. Would love to connect.", options: { type: "cold" }, errors: [[0, 0]] },
    ],
  },
  {
    rule: "context-not-mentioned",
    valid: [{ text: "Hi Jane, great to meet you at PyData Denver.", options: { context: "met at PyData Denver" } }],
    invalid: [
      { text: "Hi Jane, would love to connect.", options: { context: "met at PyData Denver" }, errors: [[0, 0]] },
    ],
  },
  {
    rule: "their-message",
    absent: ["Your profile is great."],
    present: [{ text: "Thank you for your kind message on my post.", found: ["your kind message on my post"] }],
  },
  {
    rule: "their-act",
    absent: [
      "You have achieved a lot in your career.",
      "I'd love to hear how you got there.",
      "I see you attended the webinar.",
    ],
    present: [
      { text: "You filed the TLS bug on our chart last week.", found: ["You filed"] },
      { text: "Ravi, you were my first manager at Infosys.", found: ["you were my"] },
      { text: "Saw you liked my post about release notes.", found: ["you liked"] },
    ],
  },
  {
    rule: "their-act-seen",
    absent: ["You filed the TLS bug.", "Saw you liked my post about release notes."],
    present: [{ text: "I see you attended the webinar on payroll.", found: ["you attended"] }],
  },
  {
    rule: "thing-they-did",
    absent: ["The dashboard is great."],
    present: [
      { text: "The Grafana dashboard you shared runs in my garage.", found: ["The Grafana dashboard you shared"] },
      { text: "Saw the demo your team did at the summit.", found: ["the demo your team did"] },
    ],
  },
  {
    rule: "their-occasion",
    absent: ["You are a product manager at Acme."],
    present: [
      { text: "Saw you're speaking at PyCon next month.", found: ["you're speaking"] },
      { text: "Congrats on the new role!", found: ["Congrats on the new role"] },
      { text: "Saw that you're speaking at KubeCon next month.", found: ["you're speaking"] },
    ],
  },
  {
    rule: "their-named-news",
    absent: ["Congrats on your new role!"],
    present: [
      { text: "Congrats on launching Notion Calendar!", found: ["Congrats on launching Notion Calendar"] },
      { text: "Congrats on the Series B!", found: ["Congrats on the Series B"] },
    ],
  },
  {
    rule: "we-did",
    absent: ["We haven't met yet.", "We help companies grow.", "Looking forward to our conversation."],
    present: [
      { text: "We met at the Berlin Rust meetup.", found: ["We met"] },
      { text: "We co-wrote that RFP response at Accenture.", found: ["We co-wrote"] },
      { text: "It's been ages since our time at Boots.", found: ["our time"] },
      { text: "Hallo Anna, wir haben zusammen bei SAP gearbeitet.", found: ["wir haben zusammen bei SAP gearbeitet"] },
      { text: "We worked together on the billing rewrite at Monzo.", found: ["We worked", "together"] },
      { text: "It's been a while since our time at Atlassian!", found: ["our time"] },
    ],
  },
  {
    rule: "shared-membership",
    absent: ["Fellow professionals, let's connect.", "I also think hiring is hard.", "I also work in marketing."],
    present: [
      { text: "We're both in the Rotary literacy group.", found: ["We're both in the Rotary literacy group"] },
      { text: "Same Amazon orientation on Monday!", found: ["Same Amazon orientation"] },
      {
        text: "I saw that you also volunteer at the Leith Tool Library.",
        found: ["you also volunteer at the Leith Tool Library"],
      },
      {
        text: "Fellow volunteer at the Riverside Food Bank here.",
        found: ["Fellow volunteer at the Riverside Food Bank"],
      },
      { text: "Fellow Shopify engineer here.", found: ["Fellow Shopify engineer"] },
      { text: "We're both in the Rust Berlin Slack.", found: ["We're both in the Rust Berlin Slack"] },
      {
        text: "Hi Connor, I also went through the Civic Bridge fellowship last year.",
        found: ["I also went through the Civic Bridge fellowship last year"],
      },
      { text: "I'm also in the Leeds running club.", found: ["I'm also in the Leeds running club"] },
    ],
  },
  {
    rule: "self-placement",
    absent: ["I am a data engineer with five years of experience."],
    present: [
      { text: "I'm the one who asked about cold starts after your talk.", found: ["I'm the one"] },
      { text: "I was your intern at Aramco in 2020.", found: ["I was your intern"] },
      { text: "Pieter, Rob from the Rabobank traineeship.", found: ["Rob from the Rabobank traineeship"] },
    ],
  },
  {
    rule: "named-contact",
    absent: ["We have many mutual connections.", "LinkedIn suggests we may know each other."],
    present: [
      { text: "Dana said I should talk to you about support.", found: ["Dana said"] },
      {
        text: "Our mutual friend Hugo claims you bake the best bread.",
        found: ["Our mutual friend Hugo", "Hugo claims"],
      },
      {
        text: "Hola Diego, Marta López me dijo que organizas el meetup.",
        options: { lang: "es" },
        found: ["Marta López me"],
      },
      { text: "Priya Patel suggested I reach out about your data team.", found: ["Priya Patel suggested"] },
    ],
  },
  {
    rule: "joining-them",
    absent: ["Join my network on LinkedIn.", "I recently joined my own startup."],
    present: [
      { text: "Hi Maya, I start at Asana next week on the Goals team.", found: ["I start"] },
      { text: "Welcome to the Leeds office, Hannah!", found: ["Welcome to"] },
    ],
  },
  {
    rule: "conversation",
    absent: ["Would love to chat.", "Nice to meet you.", "It would be great to chat."],
    present: [
      { text: "Hey Lee, it was fun to chat.", found: ["fun to chat"] },
      { text: "Great chatting at the Kafka meetup last night.", found: ["Great chatting"] },
      { text: "Great meeting you at the Leeds JS meetup last night.", found: ["Great meeting"] },
    ],
  },
  {
    rule: "planned-meeting",
    absent: ["Looking forward to connecting!"],
    present: [
      { text: "Looking forward to the interview with you and your team.", found: ["forward to the interview"] },
    ],
  },
  {
    rule: "shared-memory",
    absent: ["Hope you are well."],
    present: [
      { text: "Remember the Black Friday at Geek Squad?", found: ["Remember the"] },
      { text: "It's been forever since the night shifts on 4 West.", found: ["since the"] },
    ],
  },
  {
    rule: "saw-them",
    absent: ["I see you work in fintech."],
    present: [{ text: "Listened to you on the Changelog talking about SQLite.", found: ["Listened to you on"] }],
  },
  {
    rule: "sender-did",
    absent: ["I came across your profile on LinkedIn.", "I noticed Acme is growing."],
    present: [
      { text: "Played Lanternfall with my daughter all weekend.", found: ["Played Lanternfall"] },
      { text: "Been using Tandoor for our family recipes.", found: ["using Tandoor"] },
    ],
  },
  {
    rule: "thanks-for",
    absent: ["Thanks for connecting!", "I would appreciate a referral."],
    present: [
      { text: "Thanks for the Terragrunt tip at the meetup.", found: ["Thanks for the Terragrunt tip"] },
      { text: "I appreciate the message on my post.", found: ["appreciate the message"] },
      { text: "Thanks for the tour of the Stuttgart plant.", found: ["Thanks for the tour"] },
    ],
  },
  {
    rule: "time-anchor",
    absent: ["Are you free for a call this week?", "Free for a call on Tuesday?"],
    present: [
      { text: "Kayak club trip to Skye, 2016.", found: ["2016"] },
      { text: "The hackathon on 6/3 at the Mill.", found: ["6/3"] },
      { text: "We met at the booth yesterday.", found: ["yesterday"] },
      { text: "Nice chatting this morning.", found: ["this morning"] },
      { text: "I interned at Aramco in 2019.", found: ["2019"] },
    ],
  },
  {
    rule: "context-slot",
    absent: [{ text: "Hi {{first_name}}, would love to connect.", options: { template: true } }],
    present: [
      {
        text: "Hi {{first_name}}, {{shared_context}}. Would love to connect.",
        options: { template: true },
        found: ["{{shared_context}}"],
      },
      {
        text: "Hi [Name], [Mutual Connection Name] suggested we talk.",
        options: { template: true },
        found: ["[Mutual Connection Name]"],
      },
    ],
  },
  {
    rule: "named-occasion",
    absent: ["Hi Omar, would love to connect.", "At Voxify we help teams like yours at Stripe cut costs."],
    present: [
      { text: "Hi Omar, I saw you speak at Money20/20 Europe.", found: ["Money20", "Europe"] },
      { text: "Great to meet you at the Leeds JS meetup.", found: ["Leeds", "JS"] },
    ],
  },
  {
    rule: "no-context",
    valid: ["Hi Tom, we met at the Berlin Java user group on Thursday.", ""],
    invalid: [
      { text: "Hi Tom, I would love to connect with you.", errors: [[0, 0]] },
      { text: "Good to meet you.", errors: [[0, 0]] },
      { text: "LinkedIn suggests we may know each other.", errors: [[0, 0]] },
    ],
  },
];
