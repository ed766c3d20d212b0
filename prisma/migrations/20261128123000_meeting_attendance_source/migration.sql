-- CreateEnum
CREATE TYPE "AttendanceSource" AS ENUM ('FACILITATOR', 'LIVE');

-- AlterTable
ALTER TABLE "MeetingAttendance" ADD COLUMN     "source" "AttendanceSource" NOT NULL DEFAULT 'FACILITATOR';
