/** Body of the 404 and 400 pages: what happened and the way back home. */
export function ErrorNotice({ title, message, homeHref, homeLabel }: { title: string; message: string; homeHref: string; homeLabel: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{message}</p>
      <p>
        <a className="btn btn-primary" href={homeHref}>
          {homeLabel}
        </a>
      </p>
    </>
  );
}
