import { StakeholderCategory } from "@/lib/db/generated/enums";
import type { Translate } from "@/lib/i18n/translate";

// The enum itself, not lib/auth/auth.schemas.ts: the client components import this file.
const stakeholderCategories = Object.values(StakeholderCategory);

/** The live views' strings, translated on the server and handed to the client components. */

function common(t: Translate) {
  return {
    unavailable: t("live.common.unavailable"),
    connection: {
      connected: t("live.common.connection.connected"),
      reconnecting: t("live.common.connection.reconnecting"),
      offline: t("live.common.connection.offline"),
    },
    status: { RUNNING: t("live.common.status.RUNNING"), PAUSED: t("live.common.status.PAUSED"), ENDED: t("live.common.status.ENDED") },
    choices: { SUPPORT: t("live.common.choices.SUPPORT"), OPPOSE: t("live.common.choices.OPPOSE"), ABSTAIN: t("live.common.choices.ABSTAIN") },
    kinds: { MEASURE: t("live.common.kinds.MEASURE"), PROPOSAL: t("live.common.kinds.PROPOSAL") },
    noItem: t("live.common.noItem"),
    votingOpen: t("live.common.votingOpen"),
    votingClosed: t("live.common.votingClosed"),
    paused: t("live.common.paused"),
    ended: t("live.common.ended"),
    announce: {
      item: t("live.common.announce.item"),
      votingOpened: t("live.common.announce.votingOpened"),
      votingClosed: t("live.common.announce.votingClosed"),
      results: t("live.common.announce.results"),
      paused: t("live.common.announce.paused"),
      resumed: t("live.common.announce.resumed"),
      ended: t("live.common.announce.ended"),
    },
    tally: {
      caption: t("live.common.tally.caption"),
      source: t("live.common.tally.source"),
      live: t("live.common.tally.live"),
      paper: t("live.common.tally.paper"),
      combined: t("live.common.tally.combined"),
      total: t("live.common.tally.total"),
      priorityMean: t("live.common.tally.priorityMean"),
      none: t("live.common.tally.none"),
    },
  };
}

export type LiveCommonLabels = ReturnType<typeof common>;

export function consoleLabels(t: Translate) {
  return {
    ...common(t),
    statusRegion: t("live.console.statusRegion"),
    sessionTitle: t("live.console.sessionTitle"),
    sessionStatus: t("live.console.sessionStatus"),
    joinCode: t("live.console.joinCode"),
    joinUrl: t("live.console.joinUrl"),
    projector: t("live.console.projector"),
    connectedCount: t("live.console.connectedCount"),
    connectionLabel: t("live.console.connectionLabel"),
    currentTitle: t("live.console.currentTitle"),
    pickTitle: t("live.console.pickTitle"),
    measure: t("live.console.measure"),
    measureHint: t("live.console.measureHint"),
    pickMeasure: t("live.console.pickMeasure"),
    proposal: t("live.console.proposal"),
    pickProposal: t("live.console.pickProposal"),
    noProposals: t("live.console.noProposals"),
    axis: t("live.console.axis"),
    controlsTitle: t("live.console.controlsTitle"),
    openVoting: t("live.console.openVoting"),
    closeVoting: t("live.console.closeVoting"),
    showResults: t("live.console.showResults"),
    pause: t("live.console.pause"),
    resume: t("live.console.resume"),
    end: t("live.console.end"),
    endConfirm: t("live.console.endConfirm"),
    endConfirmYes: t("live.console.endConfirmYes"),
    endConfirmNo: t("live.console.endConfirmNo"),
    done: {
      "item:select": t("live.console.done.itemSelect"),
      "voting:open": t("live.console.done.votingOpen"),
      "voting:close": t("live.console.done.votingClose"),
      "results:show": t("live.console.done.resultsShow"),
      "session:pause": t("live.console.done.sessionPause"),
      "session:resume": t("live.console.done.sessionResume"),
      "session:end": t("live.console.done.sessionEnd"),
      "paper:tally": t("live.console.done.paperTally"),
    } as Record<string, string>,
    paperTitle: t("live.console.paperTitle"),
    paperIntro: t("live.console.paperIntro"),
    paperOnlyMeasures: t("live.console.paperOnlyMeasures"),
    errorSummary: t("live.console.errorSummary"),
    fields: {
      support: t("live.console.fields.support"),
      oppose: t("live.console.fields.oppose"),
      abstain: t("live.console.fields.abstain"),
      prioritySum: t("live.console.fields.prioritySum"),
      priorityCount: t("live.console.fields.priorityCount"),
    } as Record<string, string>,
    prioritySumHint: t("live.console.prioritySumHint"),
    paperSubmit: t("live.console.paperSubmit"),
    tallyTitle: t("live.console.tallyTitle"),
    itemsTitle: t("live.console.itemsTitle"),
    noItems: t("live.console.noItems"),
    endedNotice: t("live.console.endedNotice"),
    guests: {
      title: t("live.guest.console.title"),
      intro: t("live.guest.console.intro"),
      empty: t("live.guest.console.empty"),
      countOne: t("live.guest.console.countOne"),
      countOther: t("live.guest.console.countOther"),
      requestedAt: t("live.guest.console.requestedAt"),
      admit: t("live.guest.console.admit"),
      refuse: t("live.guest.console.refuse"),
      admitted: t("live.guest.console.admitted"),
      refused: t("live.guest.console.refused"),
      categories: categoryLabels(t),
    },
  };
}

export type ConsoleLabels = ReturnType<typeof consoleLabels>;

export function projectorLabels(t: Translate) {
  return {
    ...common(t),
    joinTitle: t("live.projector.joinTitle"),
    joinAt: t("live.projector.joinAt"),
    codeLabel: t("live.projector.codeLabel"),
    resultsTitle: t("live.projector.resultsTitle"),
    chartLabel: t("live.projector.chartLabel"),
    votes: t("live.projector.votes"),
    priorityMean: t("live.projector.priorityMean"),
    announcements: t("live.projector.announcements"),
  };
}

export type ProjectorLabels = ReturnType<typeof projectorLabels>;

export function participantLabels(t: Translate) {
  return {
    ...common(t),
    voteTitle: t("live.participant.voteTitle"),
    choiceGroup: t("live.participant.choiceGroup"),
    priority: t("live.participant.priority"),
    priorityHint: t("live.participant.priorityHint"),
    priorityNone: t("live.participant.priorityNone"),
    send: t("live.participant.send"),
    recorded: t("live.participant.recorded"),
    recordedPlain: t("live.participant.recordedPlain"),
    queued: t("live.participant.queued"),
    refused: t("live.participant.refused"),
    yourVote: t("live.participant.yourVote"),
    waiting: t("live.participant.waiting"),
    resultsTitle: t("live.participant.resultsTitle"),
    connectionLabel: t("live.participant.connectionLabel"),
  };
}

export type ParticipantLabels = ReturnType<typeof participantLabels>;

/** The stakeholder categories' names (the account pages' labels). */
function categoryLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(stakeholderCategories.map((category) => [category, t(`auth.categories.${category}`)]));
}

/** The join page's guest request form and waiting panel. */
export function guestLabels(t: Translate) {
  return {
    displayName: t("live.guest.displayName"),
    displayNameHint: t("live.guest.displayNameHint"),
    category: t("live.guest.category"),
    categoryHint: t("live.guest.categoryHint"),
    categoryPlaceholder: t("live.guest.categoryPlaceholder"),
    categories: stakeholderCategories.map((value) => ({ value, label: t(`auth.categories.${value}`) })),
    submit: t("live.guest.submit"),
    errorSummary: t("live.guest.errorSummary"),
    waitingTitle: t("live.guest.waitingTitle"),
    waitingPending: t("live.guest.waitingPending"),
    waitingName: t("live.guest.waitingName"),
    waitingHintPlain: t("live.guest.waitingHintPlain"),
    waitingHintScript: t("live.guest.waitingHintScript"),
    stillPending: t("live.guest.stillPending"),
    checkFailed: t("live.guest.checkFailed"),
    admitted: t("live.guest.admitted"),
    admittedPlain: t("live.guest.admittedPlain"),
    refusedNow: t("live.guest.refusedNow"),
    check: t("live.guest.check"),
    continue: t("live.guest.continue"),
  };
}

export type GuestLabels = ReturnType<typeof guestLabels>;

/** "{name}" placeholders filled on the client. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
