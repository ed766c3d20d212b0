import { notFound } from "next/navigation";

/** Any address no page matches gets the localized 404 page. */
export default function UnknownPage(): never {
  notFound();
}
