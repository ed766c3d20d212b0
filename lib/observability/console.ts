import { format } from "node:util";
import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import { reportDatabaseUnreachable } from "@/lib/operations/database-availability";
import { type Level, logger } from "./logger";

/**
 * Routes console.* (Next's own messages, Prisma's "prisma:error" lines, libraries) through the
 * logger, so that every line the server writes is one JSON object with the request id and the
 * redaction. An Error argument is logged as `error` (serialised), the rest becomes the message.
 */
export function routeConsoleToLogger(): void {
  const levels: Record<"log" | "info" | "warn" | "error" | "debug", Level> = { log: "info", info: "info", warn: "warn", error: "error", debug: "debug" };
  for (const [method, level] of Object.entries(levels) as [keyof typeof levels, Level][]) {
    console[method] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const rest = args.filter((arg) => arg !== error);
      const message = rest.length ? format(...rest).trim() : (error?.message ?? "");
      // A page that failed for want of the database (Next logs it): check now, so the 503 starts at once.
      if ((error && isDatabaseUnavailable(error)) || /^prisma:error[\s\S]*(Can't reach database server|Connection terminated|terminating connection)/.test(message)) reportDatabaseUnreachable();
      // Prisma writes its own "prisma:error …" / "prisma:warn …" lines through console.log/info.
      const effective = message.startsWith("prisma:error") ? "error" : message.startsWith("prisma:warn") ? "warn" : level;
      logger[effective](message || "(console)", { source: "console", ...(error ? { error } : {}) });
    };
  }
}
