-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "submissionId" UUID;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "submissionId" UUID;

-- AlterTable
ALTER TABLE "SwotEntry" ADD COLUMN     "submissionId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Comment_authorId_submissionId_key" ON "Comment"("authorId", "submissionId");

-- CreateIndex
CREATE INDEX "Proposal_roundId_createdAt_id_idx" ON "Proposal"("roundId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_authorId_submissionId_key" ON "Proposal"("authorId", "submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "SwotEntry_authorId_submissionId_key" ON "SwotEntry"("authorId", "submissionId");
