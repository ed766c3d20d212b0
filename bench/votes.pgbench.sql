-- pgbench script for `npm run bench -- votes`: what castVote (lib/participation/cast-vote.ts) sends
-- to PostgreSQL for one vote, on the same tables. Variables: -D round=<uuid> revision=<uuid>
-- voters=<n> measures=<n>; bench_voter / bench_measure map 1..n to the seeded stakeholders (with their
-- category, which castVote has from the contribution guard's profile read) and measures.
\set u random(1, :voters)
\set m random(1, :measures)
\set c random(1, 3)
\set p random(1, 5)
-- A first vote: one statement (the measure taken from the round's revision).
WITH created AS (
  INSERT INTO "Vote" ("id", "roundId", "measureId", "userId", "choice", "priority", "channel", "category", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), :round::uuid, mv."measureId", bv."userId", ((ARRAY['SUPPORT', 'OPPOSE', 'ABSTAIN'])[:c])::"VoteChoice", :p::int, 'WEB', bv."category", now(), now()
    FROM bench_voter bv, bench_measure bm JOIN "MeasureVersion" mv ON mv."measureId" = bm."measureId" AND mv."revisionId" = :revision::uuid
    WHERE bv.n = :u AND bm.n = :m
  ON CONFLICT ("roundId", "measureId", "userId") DO NOTHING
  RETURNING "id")
SELECT count(*)::int AS created FROM created
\gset
-- Otherwise: lock the existing vote, keep its state in the history when it changes, update it.
\if :created = 0
BEGIN;
INSERT INTO "Vote" ("id", "roundId", "measureId", "userId", "choice", "priority", "channel", "category", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), :round::uuid, mv."measureId", bv."userId", ((ARRAY['SUPPORT', 'OPPOSE', 'ABSTAIN'])[:c])::"VoteChoice", :p::int, 'WEB', bv."category", now(), now()
  FROM bench_voter bv, bench_measure bm JOIN "MeasureVersion" mv ON mv."measureId" = bm."measureId" AND mv."revisionId" = :revision::uuid
  WHERE bv.n = :u AND bm.n = :m
  ON CONFLICT ("roundId", "measureId", "userId") DO UPDATE SET "updatedAt" = "Vote"."updatedAt"
  RETURNING "id" AS vote_id, "choice"::text AS old_choice, coalesce("priority", 0) AS old_priority, "channel"::text AS old_channel, "updatedAt"::text AS old_at,
    (("xmax" <> 0) AND ("choice"::text, "priority", "channel"::text) IS DISTINCT FROM ((ARRAY['SUPPORT', 'OPPOSE', 'ABSTAIN'])[:c], :p::int, 'WEB'))::int AS changed
\gset
\if :changed
INSERT INTO "VoteHistory" ("voteId", "choice", "priority", "channel", "castAt", "replacedAt")
  VALUES (:vote_id::uuid, :old_choice::"VoteChoice", nullif(:old_priority::int, 0), :old_channel::"ContributionChannel", :old_at::timestamptz, now());
UPDATE "Vote" SET "choice" = ((ARRAY['SUPPORT', 'OPPOSE', 'ABSTAIN'])[:c])::"VoteChoice", "priority" = :p::int, "channel" = 'WEB',
    "category" = (SELECT "category" FROM bench_voter WHERE n = :u), "updatedAt" = now()
  WHERE "id" = :vote_id::uuid;
\endif
COMMIT;
\endif
