import NextAuth from "next-auth";
import { clientIp } from "@/lib/security/client-ip";
import { authOptions, oauthFlowLocale } from "@/lib/web/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context): Promise<Response> {
  // Errors of an identity-provider sign-in are shown on the sign-in page in the language it started from.
  const options = authOptions(clientIp(request.headers), request.headers.get("user-agent"), await oauthFlowLocale());
  return NextAuth(request as never, context as never, options);
}

export { handler as GET, handler as POST };
