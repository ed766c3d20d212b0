import type { Translate } from "@/lib/i18n/translate";
import { FormMessage } from "./form-fields";

/**
 * The page a mailed link lands on. Using the token takes a POST (this button), so mail
 * scanners that open links cannot use up a single-use token.
 */
export function MailedLinkForm({
  t,
  keys,
  token,
  action,
}: {
  t: Translate;
  keys: { title: string; intro: string; submit: string; invalid: string };
  token: string | undefined;
  action: (formData: FormData) => void | Promise<void>;
}) {
  return (
    <div className="row">
      <div className="col-lg-7">
        <h1>{t(keys.title)}</h1>
        {token ? (
          <form action={action}>
            <p>{t(keys.intro)}</p>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="btn btn-primary">
              {t(keys.submit)}
            </button>
          </form>
        ) : (
          <FormMessage message={t(keys.invalid)} kind="danger" />
        )}
      </div>
    </div>
  );
}

/** A short notice page (e.g. "check your email"). */
export function NoticePage({ title, body }: { title: string; body: string }) {
  return (
    <div className="row">
      <div className="col-lg-7">
        <h1>{title}</h1>
        <p>{body}</p>
      </div>
    </div>
  );
}
