import { NextRequest } from "next/server";
import { createProxy } from "@/proxy";

/** The report page's address: its query is checked by the same schema as the page's (lib/moderation). */
const proxy = createProxy(async () => false);
const route = async (path: string) => {
  const response = await proxy(new NextRequest(new URL(path, "http://localhost:3000")));
  return { status: response.status, rewrite: response.headers.get("x-middleware-rewrite") };
};
const id = "0b9f7a52-3c1e-4f7d-9a57-2f4c8e1d6b30";

test.each([
  [`/segnala?tipo=commento&id=${id}`, "/it/segnala"],
  [`/segnala?tipo=proposta&id=${id}`, "/it/segnala"],
  [`/segnala?tipo=swot&id=${id}&esito=inviata`, "/it/segnala"],
  [`/en/segnala?tipo=commento&id=${id}`, "/en/segnala"],
])("%s is the page", async (path, target) => {
  const { status, rewrite } = await route(path);
  expect(status).toBe(200);
  expect(new URL(rewrite!).pathname).toBe(target);
});

test.each([
  "/segnala",
  `/segnala?id=${id}`,
  "/segnala?tipo=commento",
  `/segnala?tipo=voto&id=${id}`,
  `/segnala?tipo=comment&id=${id}`,
  "/segnala?tipo=proposta&id=42",
  `/segnala?tipo=swot&id=${id}x`,
  `/en/segnala?tipo=nope&id=${id}`,
])("%s is a bad request", async (path) => {
  const { status, rewrite } = await route(path);
  expect(status).toBe(400);
  expect(new URL(rewrite!).pathname).toMatch(/\/richiesta-non-valida$/);
});
