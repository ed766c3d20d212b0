-- Votes keep the category the voter had when voting.
ALTER TABLE "Vote" ADD COLUMN "category" "StakeholderCategory";

-- Existing votes take the current category of their voter (every voter has a profile: the
-- contribution guard requires one), and a vote whose profile is gone counts as other private or social.
UPDATE "Vote" v SET "category" = COALESCE(
  (SELECT p."category" FROM "StakeholderProfile" p WHERE p."userId" = v."userId"),
  'OTHER_PRIVATE_OR_SOCIAL'
);

ALTER TABLE "Vote" ALTER COLUMN "category" SET NOT NULL;
