import { z } from "zod";

/** Round, meeting and proposal ids in addresses and forms are UUIDs. */
export const roundIdSchema = z.uuid();
