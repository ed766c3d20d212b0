-- CreateEnum
CREATE TYPE "RegistrationMode" AS ENUM ('NONE', 'OPTIONAL', 'REQUIRED');

-- AlterTable: registrationRequired = true becomes REQUIRED, false becomes NONE.
ALTER TABLE "Meeting" ADD COLUMN     "registration" "RegistrationMode" NOT NULL DEFAULT 'NONE';
UPDATE "Meeting" SET "registration" = 'REQUIRED' WHERE "registrationRequired";
ALTER TABLE "Meeting" DROP COLUMN "registrationRequired";
