import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  { ignores: [".next/**", ".data/**", "node_modules/**", "lib/db/generated/**", "public/vendor/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // The generated Prisma client is the only database entry point.
      "no-restricted-imports": ["error", { paths: [{ name: "@prisma/client", message: "Import from @/lib/db/generated/client." }] }],
    },
  },
  {
    // Domain code stays framework-free so the socket server and tests can reuse it.
    files: ["lib/**/*.ts"],
    ignores: ["lib/web/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@prisma/client", message: "Import from @/lib/db/generated/client." }],
          patterns: [{ group: ["next", "next/*"], message: "Domain code must not import Next.js; put adapters in lib/web." }],
        },
      ],
    },
  },
];

export default config;
