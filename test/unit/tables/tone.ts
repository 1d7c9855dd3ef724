import type { RuleTable } from "../../helpers.js";

export const TONE: RuleTable[] = [
  {
    rule: "sales-pitch",
    valid: [
      "Hi Anna, your talk on tech debt at DevOpsDays was great.",
      "Your post on job search tips helped my students.",
    ],
    invalid: [
      { text: "My company helps developers like you ship faster.", errors: ["My company helps"] },
      { text: "We offer end-to-end services for startups.", errors: ["We offer end-to-end"] },
      { text: "Book a demo this week.", errors: ["Book a demo"] },
      { text: "We help startups like yours hire faster.", errors: ["We help startups"] },
      { text: "We can help your team cut onboarding time in half.", errors: ["We can help your team cut"] },
      { text: "At Brightline, we build data platforms.", errors: ["At Brightline, we"] },
      { text: "Start your free trial today.", errors: ["free trial"] },
      { text: "Our clients see 30% more replies.", errors: ["30% more"] },
      { text: "Want to lower costs on cloud storage?", errors: ["lower costs"] },
      { text: "This can boost your revenue.", errors: ["boost your revenue"] },
      { text: "I have a solution for your hiring backlog.", errors: ["I have a solution"] },
      { text: "I'd love to explore potential synergies between our teams.", errors: ["explore potential synergies"] },
      { text: "Please take a look at my portfolio.", errors: ["take a look at my portfolio"] },
      { text: "I'd like to invite you to our webinar on pricing.", errors: ["invite you to our webinar"] },
      { text: "Seats are limited, register now.", errors: ["register now"] },
      { text: "Send me your CV and I will pass it on.", errors: ["Send me your CV"] },
      { text: "We have a job opening for a backend engineer.", errors: ["job opening"] },
      { text: "We're currently hiring senior engineers.", errors: ["We're currently hiring"] },
      { text: "Your background looks like a great fit for our team.", errors: ["looks like a great fit"] },
      { text: "You can earn good money from home with our program.", errors: ["earn good money"] },
      { text: "If interested, reply with your availability.", errors: ["If interested"] },
      { text: "I'm reaching out on behalf of Northwind Recruiting.", errors: ["reaching out on behalf of"] },
      { text: "See the details at bit.ly/northwind-roles today.", errors: ["bit.ly/northwind-roles"] },
      { text: "Hola Lucía, te invitamos a nuestro evento de ventas.", errors: ["te invitamos a"] },
      {
        text: "Olá Carla, vi que você lidera vendas; nós ajudamos empresas como a sua a vender mais.",
        errors: ["nós ajudamos empresas"],
      },
      { text: "Hallo Jonas, wir helfen Unternehmen, ihre Kosten zu senken.", errors: ["wir helfen Unternehmen"] },
      {
        text: "Bonjour Claire, nous aidons les entreprises à recruter plus vite.",
        errors: ["nous aidons les entreprises"],
      },
      { text: "Ciao Marco, aiutiamo le aziende a crescere online.", errors: ["aiutiamo le aziende"] },
      { text: "Book your demo before Friday and get two months free.", errors: ["Book your demo"] },
      { text: "Quick demo next week?", errors: ["Quick demo"] },
    ],
  },
  {
    rule: "meeting-ask",
    valid: ["Hi Cloud, thanks for the caching tip at the meetup.", "Your email newsletter on pricing is great."],
    invalid: [
      { text: "I'd love to pick your brain.", errors: ["pick your brain"] },
      { text: "Can we hop on a quick call?", errors: ["hop on a quick call"] },
      { text: "Could I get 15 minutes of your time?", errors: ["15 minutes of your time"] },
      { text: "Do you have time for a quick sync next week?", errors: ["quick sync"] },
      { text: "Can we schedule a call for Thursday?", errors: ["schedule a call"] },
      { text: "Can I buy you a coffee next time you're in Leeds?", errors: ["buy you a coffee"] },
      { text: "Please send me your phone number so I can call.", errors: ["send me your phone number"] },
      { text: "Would you be open to a short call?", errors: ["Would you be open to a short call"] },
      { text: "Could we catch up over a coffee?", errors: ["Could we catch up over a coffee"] },
      { text: "Pick a slot that suits you: calendly.com/jo-lee/20min", errors: ["calendly.com/jo-lee/20min"] },
    ],
  },
  {
    rule: "job-ask",
    valid: [
      "Hi Sarita, your analyst interview thread was excellent.",
      "Your post on opportunities in climate tech was a great read.",
    ],
    invalid: [
      { text: "Could you refer me for the analyst role?", errors: ["refer me"] },
      { text: "Would you consider a referral for the SRE opening?", errors: ["a referral"] },
      { text: "I am currently seeking opportunities in data.", errors: ["currently seeking opportunities"] },
      {
        text: "I'm very interested in the junior analyst position at your firm.",
        errors: ["I'm very interested in the junior analyst position"],
      },
      { text: "I'm interested in new opportunities at fintechs.", errors: ["interested in new opportunities"] },
      { text: "Can I send you my resume?", errors: ["send you my resume"] },
      { text: "Attached is my CV for your consideration.", errors: ["my CV"] },
      { text: "Do you have any open roles on your team?", errors: ["open roles"] },
      { text: "I'd love to be on your radar for future roles.", errors: ["be on your radar"] },
      { text: "Stripe is my dream company.", errors: ["dream company"] },
      { text: "I think I'd be a great fit for your team.", errors: ["I'd be a great fit"] },
      { text: "Are there opportunities at Acme for new grads?", errors: ["there opportunities at"] },
      { text: "How long is the hiring process at Acme?", errors: ["hiring process"] },
      {
        text: "Hola Lucía, acabo de enviar mi currículum para la vacante de analista.",
        errors: ["acabo de enviar mi currículum"],
      },
      { text: "Could you recommend me for the platform team?", errors: ["recommend me"] },
      { text: "Could you help me find a job in Berlin?", errors: ["help me find a job"] },
      { text: "Does your team have any openings for juniors?", errors: ["any openings"] },
    ],
  },
  {
    rule: "favour-ask",
    valid: ["Hi Kavita, your dashboard inspired ours.", "Thanks for the advice you gave at the panel."],
    invalid: [
      { text: "Please guide me.", errors: ["Please guide me"] },
      { text: "Could you help me understand how your team hires?", errors: ["Could you help me"] },
      { text: "I would be grateful if you could review my CV.", errors: ["I would be grateful if you"] },
      {
        text: "I'd really appreciate your advice on moving into product.",
        errors: ["I'd really appreciate your advice"],
      },
      { text: "Your input would be invaluable as I plan my thesis.", errors: ["Your input would be invaluable"] },
      { text: "Could I ask you a few quick questions about your role?", errors: ["ask you a few quick questions"] },
      { text: "Any advice for someone starting in UX?", errors: ["Any advice"] },
      { text: "I want to understand how you built the dashboard.", errors: ["I want to understand how you"] },
      { text: "Please mentor me as I move into data science.", errors: ["Please mentor me"] },
      { text: "I'm seeking your guidance on my first product role.", errors: ["seeking your guidance"] },
      { text: "I'd love for you to share your insights on breaking into UX.", errors: ["share your insights"] },
    ],
  },
  {
    rule: "empty-flattery",
    valid: [
      "Your breakdown of the Q3 churn numbers was sharp.",
      "Impressive work on the Kafka migration at Bolt - the lag graphs told the story.",
    ],
    invalid: [
      { text: "Your profile is amazing!", errors: ["Your profile is amazing"] },
      { text: "Impressive background!", errors: ["Impressive background"] },
      { text: "I'm impressed by your background in fintech.", errors: ["impressed by your background"] },
      { text: "You've accomplished so much in your career.", errors: ["You've accomplished so much"] },
      { text: "Your LinkedIn profile caught my eye.", errors: ["Your LinkedIn profile caught my eye"] },
      { text: "I found your profile interesting.", errors: ["I found your profile interesting"] },
      { text: "I love connecting with talented professionals like you.", errors: ["talented professionals like you"] },
      {
        text: "Ciao Marco, il tuo profilo ha attirato la mia attenzione.",
        errors: ["il tuo profilo ha attirato la mia attenzione"],
      },
      { text: "Hola Lucía, tu perfil me parece impresionante.", errors: ["tu perfil me parece impresionante"] },
      { text: "Olá Carla, seu perfil chamou minha atenção.", errors: ["seu perfil chamou minha atenção"] },
    ],
  },
  {
    rule: "exclamation-run",
    valid: ["Great to meet you at DevConf!"],
    invalid: [{ text: "Great to meet you!!!", errors: ["!!!"] }],
  },
  {
    rule: "all-caps",
    valid: ["Hi Sam, see you at AWS re:Invent."],
    invalid: [{ text: "HI SAM, GREAT TO MEET YOU.", errors: ["HI SAM, GREAT TO MEET YOU"] }],
  },
  {
    rule: "emoji-overuse",
    valid: ["Great to meet you 🙂"],
    invalid: [
      { text: "Great to meet you 🚀🚀🚀", errors: ["🚀🚀🚀"] },
      { text: "🎉 hi 🎉 there 🎉 you 🎉 all", errors: ["🎉 hi 🎉 there 🎉 you 🎉"] },
    ],
  },
  {
    rule: "self-focus",
    valid: ["Hi Sam, your post on dbt tests was great; I use your checklist in my team."],
    invalid: [
      {
        text: "I am a data analyst. I have worked at Acme and I led my team. I am skilled and I want to grow my career.",
        errors: [[0, 0]],
      },
    ],
  },
  {
    rule: "sender-offering",
    valid: ["We met at the FinOps meetup."],
    invalid: [
      { text: "We help companies like yours cut cloud costs.", errors: ["We help companies"] },
      { text: "We're helping teams like yours onboard faster.", errors: ["We're helping teams"] },
    ],
  },
  {
    rule: "cv-recital",
    valid: ["After six years in Singapore I'm back home."],
    invalid: [{ text: "I have 5 years of experience in data engineering.", errors: ["5 years"] }],
  },
  {
    rule: "commercial-terms",
    valid: ["Your post on pricing pages was sharp."],
    invalid: [
      { text: "We cut cloud bills by 40% for teams like yours.", errors: ["40%"] },
      { text: "Book your free strategy session today.", errors: ["free strategy session"] },
    ],
  },
  {
    rule: "asks-them",
    valid: ["Would you be open to connect?", "Please accept my request."],
    invalid: [
      { text: "Could you review my resume?", errors: ["Could you review"] },
      {
        text: "Bonjour, pourriez-vous transmettre ma candidature ?",
        options: { lang: "fr" },
        errors: ["pourriez-vous"],
      },
    ],
  },
  {
    rule: "job-seeking",
    valid: ["We met at the career fair."],
    invalid: [
      {
        text: "I'm currently exploring marketing roles at your company.",
        errors: ["I'm currently exploring marketing roles"],
      },
    ],
  },
  {
    rule: "recruiting",
    valid: ["Your talk on stream joins was the clearest I have seen."],
    invalid: [{ text: "Our client is looking for a senior data engineer.", errors: ["Our client"] }],
  },
  {
    rule: "presenting",
    valid: ["I'd love to learn about your work."],
    invalid: [{ text: "I'd love to tell you about an exciting opportunity.", errors: ["tell you about an"] }],
  },
  {
    rule: "self-intro",
    valid: ["We met at the PyData social."],
    invalid: [
      { text: "I'm a certified career coach with ten years in tech.", errors: ["I'm a certified career coach"] },
    ],
  },
];
