/**
 * A comment form sent twice (issue 8), in Chromium against the production server: the form carries
 * the submissionId of its rendering; the browser's very POST reaching the server twice — at the same
 * instant with JavaScript (a double submission), one after the other without JavaScript (as after a
 * timeout or a restarted server) — stores one comment, and the person lands on it. After a success the form
 * has a new id, so the next comment is a new one.
 */
import type { Page } from "playwright-core";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { e2eSeedPlan, openRound } from "../support/e2e-rounds";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(180_000);

/** Waits until `check` answers what `done` accepts (10 s), then answers it. */
async function until<T>(check: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeE2E("a comment form posted twice", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  const stamp = Date.now();
  const people = {
    dario: { email: `dario-${stamp}@example.it`, id: "" },
    elena: { email: `elena-${stamp}@example.it`, id: "" },
  };
  let roundId = "";
  let measurePath = "";

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    people.dario.id = await confirmedUser(prisma, people.dario.email, "STAKEHOLDER", "Dario Doppio", "CITIZEN");
    people.elena.id = await confirmedUser(prisma, people.elena.email, "STAKEHOLDER", "Elena Senza Script", "BUSINESS");
    const plan = await e2eSeedPlan(prisma);
    // Opened a moment ago: the newest open round of the plan, so the measure pages show it.
    roundId = (await openRound(prisma, plan, `Consultazione e2e reinvii ${stamp}`)).id;
    measurePath = `/piani/${plan.slug}/misure/3.1`;
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  const newCommentForm = "#commenti form:has(#comment-new-body)";
  const submissionIdOf = (page: Page) => page.locator(`${newCommentForm} input[name=submissionId]`).inputValue();
  const commentsOf = (authorId: string) => prisma.comment.findMany({ where: { authorId, roundId }, select: { id: true, body: true, submissionId: true }, orderBy: { createdAt: "asc" } });

  test("with JavaScript: the form's POST twice at once is one comment; the next form is a new one", async () => {
    const page = await browser.page();
    await signIn(page, people.dario.email);
    await page.goto(measurePath);
    const formId = await submissionIdOf(page);
    expect(formId).toMatch(uuid);

    // The form's POST reaches the server twice at the same instant (a double submission, a client
    // retrying while the first one is still being answered); the page gets one of the answers.
    const posts: string[] = [];
    await page.route(`**${measurePath}`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      posts.push(route.request().postData() ?? "");
      const [answer] = await Promise.all([route.fetch({ maxRedirects: 0 }), route.fetch({ maxRedirects: 0 })]);
      return route.fulfill({ response: answer });
    });
    await page.fill("#comment-new-body", "Un commento inviato due volte.");
    await page.click(`${newCommentForm} button[type=submit]`);
    await page.waitForURL((url) => url.searchParams.get("esito") === "commento-pubblicato");
    await page.unroute(`**${measurePath}`);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain(formId);

    const stored = await commentsOf(people.dario.id);
    expect(stored).toEqual([{ id: expect.any(String), body: "Un commento inviato due volte.", submissionId: formId }]);
    expect(new URL(page.url()).hash).toBe(`#comment-${stored[0]!.id}`);
    expect(await page.locator(`#comment-${stored[0]!.id}`).count()).toBe(1);

    // After the success the form posts under a new id: the next comment is a comment of its own.
    await until(() => submissionIdOf(page), (id) => id !== formId, "the form's submissionId after the success");
    await page.fill("#comment-new-body", "Un secondo commento, diverso.");
    await page.click(`${newCommentForm} button[type=submit]`);
    await until(async () => (await commentsOf(people.dario.id)).length, (count) => count === 2, "Dario's comments");
    const [, second] = await commentsOf(people.dario.id);
    expect(second).toMatchObject({ body: "Un secondo commento, diverso." });
    expect(second!.submissionId).toMatch(uuid);
    expect(second!.submissionId).not.toBe(formId);
  });

  test("without JavaScript: the browser's POST sent again answers the first comment, stored once", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    await signIn(page, people.elena.email);
    await page.goto(measurePath);
    const formId = await submissionIdOf(page);
    expect(formId).toMatch(uuid);

    // The form's POST goes to the server twice, one after the other (its first answer lost, as after a
    // timeout or a restarted server); the browser gets the second answer.
    const answers: number[] = [];
    await page.route(`**${measurePath}`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      answers.push((await route.fetch({ maxRedirects: 0 })).status());
      const again = await route.fetch({ maxRedirects: 0 });
      answers.push(again.status());
      return route.fulfill({ response: again });
    });
    await page.fill("#comment-new-body", "Senza script, inviato due volte.");
    await page.click(`${newCommentForm} button[type=submit]`);
    await page.waitForURL((url) => url.searchParams.get("esito") === "commento-pubblicato");
    await page.unroute(`**${measurePath}`);

    expect(answers).toEqual([303, 303]);
    const stored = await commentsOf(people.elena.id);
    expect(stored).toEqual([{ id: expect.any(String), body: "Senza script, inviato due volte.", submissionId: formId }]);
    expect(new URL(page.url()).hash).toBe(`#comment-${stored[0]!.id}`);
    expect(await page.locator(`#comment-${stored[0]!.id} .consulta-user-text`).textContent()).toContain("Senza script, inviato due volte.");
    // The page after the success renders a new form.
    expect(await submissionIdOf(page)).not.toBe(formId);
  });
});
