-- CreateEnum
CREATE TYPE "LiveGuestRequestStatus" AS ENUM ('PENDING', 'ADMITTED', 'REFUSED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "liveGuestOfId" UUID;

-- CreateTable
CREATE TABLE "LiveGuestRequest" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "displayName" TEXT NOT NULL,
    "category" "StakeholderCategory" NOT NULL,
    "secretHash" TEXT NOT NULL,
    "status" "LiveGuestRequestStatus" NOT NULL DEFAULT 'PENDING',
    "userId" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "claimedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveGuestRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveGuestRequest_userId_key" ON "LiveGuestRequest"("userId");

-- CreateIndex
CREATE INDEX "LiveGuestRequest_sessionId_status_createdAt_idx" ON "LiveGuestRequest"("sessionId", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "LiveGuestRequest" ADD CONSTRAINT "LiveGuestRequest_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveGuestRequest" ADD CONSTRAINT "LiveGuestRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveGuestRequest" ADD CONSTRAINT "LiveGuestRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_liveGuestOfId_fkey" FOREIGN KEY ("liveGuestOfId") REFERENCES "LiveSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;
