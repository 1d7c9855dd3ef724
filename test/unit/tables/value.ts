import type { RuleTable } from "../../helpers.js";

export const VALUE: RuleTable[] = [
  {
    rule: "offer-value",
    absent: ["Hi Ana, great meeting you at the Lisbon meetup.", "Hi Ana, I'll be at the Lisbon meetup too."],
    present: [
      {
        text: "Hi Ana, great meeting you at the Lisbon meetup - happy to send you the slides we discussed.",
        found: ["happy to send"],
      },
      { text: "I can introduce you to our head of data if that would be useful.", found: ["I can introduce you"] },
      { text: "Let me know if I can help with the migration.", found: ["Let me know if I can help"] },
      { text: "Want me to send over the slides?", found: ["Want me to send"] },
      { text: "Our team could help with the load tests.", found: ["Our team could help"] },
      { text: "I wrote up our postmortem, if it's helpful.", found: ["if it's helpful"] },
      { text: "Our benchmark might be useful for your team.", found: ["might be useful for your"] },
      { text: "I put together a list of Rust meetups in Berlin.", found: ["I put together a"] },
      { text: "Here's the checklist we discussed at the meetup.", found: ["Here's the checklist we discussed"] },
      { text: "I could make an introduction to our CTO.", found: ["make an introduction"] },
      { text: "My cofounder wants to introduce you to our data lead.", found: ["introduce you to"] },
      { text: "Would love to exchange ideas on carbon accounting.", found: ["exchange ideas"] },
      { text: "Could we compare notes on hiring SREs?", found: ["compare notes"] },
      { text: "Olá Carla, adoraria trocar ideias sobre dados.", found: ["trocar ideias"] },
      { text: "Olá Carla, posso ajudar com a migração.", found: ["posso ajudar"] },
      { text: "Hola Lucía, me encantaría intercambiar ideas sobre logística.", found: ["intercambiar ideas"] },
      { text: "Hola Lucía, puedo compartir la plantilla que usamos.", found: ["puedo compartir"] },
      { text: "Hallo Jonas, ich kann Ihnen gerne helfen, das Dashboard aufzusetzen.", found: ["gerne helfen"] },
      { text: "Hallo Jonas, ich würde mich gerne mit Ihnen austauschen.", found: ["austauschen"] },
      { text: "Bonjour Claire, j'aimerais échanger sur vos travaux.", found: ["échanger sur"] },
      { text: "Bonjour Claire, je peux vous présenter notre responsable data.", found: ["je peux vous présenter"] },
      { text: "Ciao Marco, mi piacerebbe scambiare idee sul design.", found: ["scambiare idee"] },
      { text: "Ciao Marco, posso aiutarti con la migrazione.", found: ["posso aiutarti"] },
      { text: "Hoi Sanne, ik wil graag ervaringen uitwisselen over de zorg.", found: ["ervaringen uitwisselen"] },
      { text: "Hoi Sanne, als je wilt deel ik graag onze checklist.", found: ["deel ik graag"] },
    ],
  },
  {
    rule: "no-offer",
    valid: [
      "Hi Ana, great meeting you at the Lisbon meetup - happy to send you the slides we discussed.",
      "Hi Ana, can we hop on a quick call?",
    ],
    invalid: [{ text: "Hi Ana, great meeting you at the Lisbon meetup.", errors: [[0, 0]] }],
  },
];
