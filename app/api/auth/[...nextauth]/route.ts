import NextAuth from "next-auth";
import { clientIp } from "@/lib/security/client-ip";
import { authOptions } from "@/lib/web/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, authOptions(clientIp(request.headers), request.headers.get("user-agent")));
}

export { handler as GET, handler as POST };
