-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('ROUND_OPENED', 'ROUND_CLOSED', 'COMMENT_REPLY', 'PROPOSAL_ANSWERED', 'CONTRIBUTION_HIDDEN');

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mailedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_mailedAt_idx" ON "Notification"("userId", "mailedAt");

-- CreateIndex
CREATE INDEX "Notification_mailedAt_createdAt_idx" ON "Notification"("mailedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ContentReport_reporterId_commentId_key" ON "ContentReport"("reporterId", "commentId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentReport_reporterId_proposalId_key" ON "ContentReport"("reporterId", "proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentReport_reporterId_swotEntryId_key" ON "ContentReport"("reporterId", "swotEntryId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
