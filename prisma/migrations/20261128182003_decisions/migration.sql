-- CreateEnum
CREATE TYPE "DecisionOptionKind" AS ENUM ('FUNDING_SOURCE', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "ImplementationStatus" AS ENUM ('TO_BE_DECIDED', 'DECIDED', 'IN_PROGRESS', 'DONE', 'DROPPED');

-- DropIndex
DROP INDEX "Decision_revisionId_idx";

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "version" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "DecisionOption" (
    "id" UUID NOT NULL,
    "kind" "DecisionOptionKind" NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "status" "ImplementationStatus" NOT NULL,
    "progressPercent" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DecisionOption_kind_position_idx" ON "DecisionOption"("kind", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionOption_kind_label_key" ON "DecisionOption"("kind", "label");

-- CreateIndex
CREATE INDEX "ProgressUpdate_measureId_createdAt_idx" ON "ProgressUpdate"("measureId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_revisionId_measureId_version_key" ON "Decision"("revisionId", "measureId", "version");

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules the schema language cannot state.
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_budget_not_negative" CHECK ("budgetCents" IS NULL OR "budgetCents" >= 0);
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_percent_range" CHECK ("progressPercent" BETWEEN 0 AND 100);

-- The lists every installation starts with (officials and administrators edit them).
INSERT INTO "DecisionOption" ("id", "kind", "label", "position") VALUES
  (gen_random_uuid(), 'FUNDING_SOURCE', 'Fondi regionali', 1),
  (gen_random_uuid(), 'FUNDING_SOURCE', 'Fondi provinciali', 2),
  (gen_random_uuid(), 'FUNDING_SOURCE', 'Fondi nazionali', 3),
  (gen_random_uuid(), 'FUNDING_SOURCE', 'FSE+ (Fondo sociale europeo plus)', 4),
  (gen_random_uuid(), 'FUNDING_SOURCE', 'FESR (Fondo europeo di sviluppo regionale)', 5),
  (gen_random_uuid(), 'FUNDING_SOURCE', 'Fondi privati', 6),
  (gen_random_uuid(), 'DEPARTMENT', 'Politiche sociali', 1),
  (gen_random_uuid(), 'DEPARTMENT', 'Istruzione e formazione professionale', 2),
  (gen_random_uuid(), 'DEPARTMENT', 'Lavoro e sviluppo economico', 3),
  (gen_random_uuid(), 'DEPARTMENT', 'Ambiente e territorio', 4),
  (gen_random_uuid(), 'DEPARTMENT', 'Cultura, sport e turismo', 5),
  (gen_random_uuid(), 'DEPARTMENT', 'Affari generali e partecipazione', 6);
