import { dismissReports } from "@/lib/moderation/dismiss-reports";
import { hideContribution } from "@/lib/moderation/hide-contribution";
import { listModerationQueue } from "@/lib/moderation/list-moderation-queue";
import { reportContribution } from "@/lib/moderation/report-contribution";
import { restoreContribution } from "@/lib/moderation/restore-contribution";
import { setModerationSettings } from "@/lib/moderation/set-moderation-settings";
import { setNotificationFrequency } from "@/lib/notifications/set-notification-frequency";
import { signedInUser } from "../auth-factory";
import { createComment } from "../moderation-factory";
import { type MutationTable, adminOnly, anySignedIn, facilitatorsAndAdmins } from "./matrix";

/** The moderation module's mutations in the permission matrix (the owner wrote the comment acted on). */
export const moderationMutations: MutationTable = {
  "report the stakeholder's comment": {
    run: async (d, actor, owner) => {
      const comment = await createComment(d, owner.userId);
      return reportContribution(d, actor, { type: "comment", id: comment.id, reason: "Offensivo" });
    },
    // One's own contribution cannot be reported.
    expected: { ...anySignedIn, stakeholder: "FORBIDDEN" },
  },
  "hide the stakeholder's comment": {
    run: async (d, actor, owner) => {
      const comment = await createComment(d, owner.userId);
      return hideContribution(d, actor, { type: "comment", id: comment.id, reason: "Fuori tema" });
    },
    expected: facilitatorsAndAdmins,
  },
  "restore the stakeholder's hidden comment": {
    run: async (d, actor, owner) => {
      const comment = await createComment(d, owner.userId);
      await d.comment.update({ where: { id: comment.id }, data: { moderation: "HIDDEN", hiddenReason: "Fuori tema" } });
      return restoreContribution(d, actor, { type: "comment", id: comment.id });
    },
    expected: facilitatorsAndAdmins,
  },
  "dismiss the reports on the stakeholder's comment": {
    run: async (d, actor, owner) => {
      const comment = await createComment(d, owner.userId);
      const reporter = await signedInUser(d, "STAKEHOLDER");
      await d.contentReport.create({ data: { reporterId: reporter.userId, commentId: comment.id, reason: "Spam" } });
      return dismissReports(d, actor, { type: "comment", id: comment.id });
    },
    expected: facilitatorsAndAdmins,
  },
  "list the moderation queue": {
    run: (d, actor) => listModerationQueue(d, actor, {}),
    expected: facilitatorsAndAdmins,
  },
  "set the auto-hide threshold": {
    run: (d, actor) => setModerationSettings(d, actor, { autoHideThreshold: 3 }),
    expected: adminOnly,
  },
  "set own notification frequency": {
    run: (d, actor) => setNotificationFrequency(d, actor, { frequency: "DAILY_DIGEST" }),
    expected: anySignedIn,
  },
};
