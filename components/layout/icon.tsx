/** A Bootstrap Italia sprite icon; decorative unless given a title. */
export function Icon({ name, className = "", title }: { name: string; className?: string; title?: string }) {
  return (
    <svg className={`icon ${className}`.trim()} aria-hidden={title ? undefined : true} role={title ? "img" : undefined} focusable="false">
      {title ? <title>{title}</title> : null}
      <use href={`/vendor/bootstrap-italia/svg/sprites.svg#${name}`} />
    </svg>
  );
}
