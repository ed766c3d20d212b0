import { randomUUID } from "node:crypto";
import { castLiveVote } from "@/lib/live/cast-live-vote";
import { closeLiveVoting } from "@/lib/live/close-live-voting";
import { endLiveSession } from "@/lib/live/end-live-session";
import { joinLiveSession } from "@/lib/live/join-live-session";
import { openLiveVoting } from "@/lib/live/open-live-voting";
import { pauseLiveSession } from "@/lib/live/pause-live-session";
import { recordPaperTally } from "@/lib/live/record-paper-tally";
import { resumeLiveSession } from "@/lib/live/resume-live-session";
import { selectLiveItem } from "@/lib/live/select-live-item";
import { showLiveResults } from "@/lib/live/show-live-results";
import { startLiveSession } from "@/lib/live/start-live-session";
import { liveMeeting, startedLiveSession, votingOnMeasure } from "../live-factory";
import { measureId } from "../round-factory";
import { type MutationTable, anySignedIn, facilitatorsAndAdmins, stakeholdersOnly } from "./matrix";

/** The live sessions' mutations in the permission matrix: every host command, a vote in the room, joining. */
export const liveMutations: MutationTable = {
  "start a meeting's live session": {
    run: async (db, actor) => startLiveSession(db, actor, { meetingId: (await liveMeeting(db)).meetingId }),
    expected: facilitatorsAndAdmins,
  },
  "put a measure under discussion in a live session": {
    run: async (db, actor) => {
      const live = await startedLiveSession(db);
      return selectLiveItem(db, actor, { sessionId: live.sessionId, measureId: await measureId(db, live.round.planId, "1.1") });
    },
    expected: facilitatorsAndAdmins,
  },
  "open voting in a live session": {
    run: async (db, actor) => {
      const live = await startedLiveSession(db);
      await selectLiveItem(db, live.host, { sessionId: live.sessionId, measureId: await measureId(db, live.round.planId, "1.1") });
      return openLiveVoting(db, actor, { sessionId: live.sessionId });
    },
    expected: facilitatorsAndAdmins,
  },
  "close voting in a live session": {
    run: async (db, actor) => closeLiveVoting(db, actor, { sessionId: (await votingOnMeasure(db)).sessionId }),
    expected: facilitatorsAndAdmins,
  },
  "show results in a live session": {
    run: async (db, actor) => showLiveResults(db, actor, { sessionId: (await votingOnMeasure(db)).sessionId }),
    expected: facilitatorsAndAdmins,
  },
  "pause a live session": {
    run: async (db, actor) => pauseLiveSession(db, actor, { sessionId: (await startedLiveSession(db)).sessionId }),
    expected: facilitatorsAndAdmins,
  },
  "resume a live session": {
    run: async (db, actor) => {
      const live = await startedLiveSession(db);
      await pauseLiveSession(db, live.host, { sessionId: live.sessionId });
      return resumeLiveSession(db, actor, { sessionId: live.sessionId });
    },
    expected: facilitatorsAndAdmins,
  },
  "end a live session": {
    run: async (db, actor) => endLiveSession(db, actor, { sessionId: (await startedLiveSession(db)).sessionId }),
    expected: facilitatorsAndAdmins,
  },
  "enter a paper tally in a live session": {
    run: async (db, actor) => {
      const live = await votingOnMeasure(db);
      return recordPaperTally(db, actor, { sessionId: live.sessionId, itemId: live.itemId, support: 3, oppose: 1, abstain: 0 });
    },
    expected: facilitatorsAndAdmins,
  },
  "vote in a live session": {
    run: async (db, actor) => {
      const live = await votingOnMeasure(db);
      return castLiveVote(db, actor, { sessionId: live.sessionId, itemId: live.itemId, choice: "SUPPORT", clientVoteId: randomUUID() });
    },
    expected: stakeholdersOnly,
  },
  "join a live session": {
    run: async (db, actor) => joinLiveSession(db, actor, { code: (await startedLiveSession(db)).joinCode }),
    expected: anySignedIn,
  },
};
