-- CreateEnum
CREATE TYPE "LiveItemKind" AS ENUM ('MEASURE', 'PROPOSAL');

-- AlterTable
ALTER TABLE "LiveSession" ADD COLUMN     "currentItemId" UUID,
ADD COLUMN     "startedById" UUID;

-- CreateTable
CREATE TABLE "LiveItem" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "LiveItemKind" NOT NULL,
    "measureId" UUID,
    "proposalId" UUID,
    "selectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "votingOpenedAt" TIMESTAMPTZ(3),
    "votingClosedAt" TIMESTAMPTZ(3),
    "resultsShownAt" TIMESTAMPTZ(3),

    CONSTRAINT "LiveItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveProposalVote" (
    "itemId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "priority" INTEGER,
    "category" "StakeholderCategory" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LiveProposalVote_pkey" PRIMARY KEY ("itemId","userId")
);

-- CreateTable
CREATE TABLE "LiveVoteReceipt" (
    "clientVoteId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveVoteReceipt_pkey" PRIMARY KEY ("clientVoteId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveItem_sessionId_position_key" ON "LiveItem"("sessionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "LiveSession_currentItemId_key" ON "LiveSession"("currentItemId");

-- AddForeignKey
ALTER TABLE "LiveSession" ADD CONSTRAINT "LiveSession_currentItemId_fkey" FOREIGN KEY ("currentItemId") REFERENCES "LiveItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveSession" ADD CONSTRAINT "LiveSession_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveItem" ADD CONSTRAINT "LiveItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveItem" ADD CONSTRAINT "LiveItem_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveItem" ADD CONSTRAINT "LiveItem_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveProposalVote" ADD CONSTRAINT "LiveProposalVote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "LiveItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveProposalVote" ADD CONSTRAINT "LiveProposalVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveVoteReceipt" ADD CONSTRAINT "LiveVoteReceipt_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "LiveItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveVoteReceipt" ADD CONSTRAINT "LiveVoteReceipt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
