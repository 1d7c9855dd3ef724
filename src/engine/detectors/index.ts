/**
 * Detectors: functions over the tagged words of a note that find what a sentence does
 * (refers to something of the recipient's, recalls a shared past, pitches, asks). A rule file
 * names one with `detector:` and gives it `params` (mostly names of vocabulary lists), so
 * the detector is the "how" and the rule says what a hit means (`kind`, `check`).
 */
import type { Detector } from "../context.js";
import {
  recipientAddressed,
  sawThem,
  theirAct,
  theirOccasion,
  theirRole,
  theirThing,
  thingTheyDid,
} from "./recipient.js";
import {
  conversation,
  joining,
  namedContact,
  plannedMeeting,
  selfPlacement,
  senderDid,
  sharedMemory,
  sharedPast,
} from "./shared.js";
import { namedThing, timeAnchor } from "./named.js";
import {
  asksThem,
  commercialTerms,
  cvRecital,
  jobTalk,
  presenting,
  selfIntro,
  senderOffering,
  senderOwn,
  thanksFor,
} from "./moves.js";

export type { Detector } from "../context.js";

export const DETECTORS: Record<string, Detector> = {
  "their-thing": theirThing,
  "their-act": theirAct,
  "thing-they-did": thingTheyDid,
  "their-occasion": theirOccasion,
  "their-role": theirRole,
  "recipient-addressed": recipientAddressed,
  "shared-past": sharedPast,
  "self-placement": selfPlacement,
  conversation,
  joining,
  "named-contact": namedContact,
  "named-thing": namedThing,
  "time-anchor": timeAnchor,
  "thanks-for": thanksFor,
  "sender-offering": senderOffering,
  "cv-recital": cvRecital,
  "saw-them": sawThem,
  "planned-meeting": plannedMeeting,
  "shared-memory": sharedMemory,
  "sender-own": senderOwn,
  "self-intro": selfIntro,
  "commercial-terms": commercialTerms,
  "job-talk": jobTalk,
  presenting,
  "sender-did": senderDid,
  "asks-them": asksThem,
};
